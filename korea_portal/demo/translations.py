"""
Translations of the demo content, keyed by (kind, natural key), then field,
then language: {("section", "general"): {"name": {"fr": "Général"}}}.

Every name, title, summary, summit text and trade note is given in all nine
languages; the whole body of one article, "ROK-EU Relations", is given in
French and Korean only, so that the demo shows a full translation (/fr/, /ko/)
and the English fallback (/de/ and the rest) side by side.

Editorial choices, as a native editor of the portal would make them:

- A summary translates the English summary, the first sentence of the body;
  where the body is translated, the summary is that body's first sentence.
- Korean place names stay Korean: Dokdo is 독도, 独岛, 独島; the Korea Strait
  is 대한해협 / 大韩海峡 / 大韓海峡 in Korean, Chinese and Japanese.
- Titles take the portal's (Korean) point of view: 韩中关系, 韓日関係, 한·일 관계.
- People are named in each language's standard form: Roh Moo-hyun,
  노무현, 盧武鉉, 卢武铉, روه مو هيون, and in Russian Но Му Хён (the
  Kontsevich form the Kremlin and the Russian press used); Hu Jintao is
  Hồ Cẩm Đào in Vietnamese. Korean, where bare names would read as rude,
  adds the leaders' titles (노무현 대통령과 후진타오 국가주석).
- French and Spanish put a no-break space (U+00A0) where their typography
  wants one: before "%", inside « », and in French before ":" and ";".
- The articles' bodies are HTML: one <p> per English paragraph, escaped.
"""

from django.utils.html import format_html_join


def paragraphs_html(paragraphs):
    """Return the paragraphs as escaped HTML, one <p> each, as the loader writes English bodies."""
    return str(format_html_join("\n", "<p>{}</p>", ((paragraph,) for paragraph in paragraphs)))


# The whole body of "ROK-EU Relations", paragraph for paragraph.
ROK_EU_RELATIONS_BODY_FR = [
    (
        "Les liens traditionnellement étroits de la République de Corée avec les pays d’Europe occidentale, en "
        "particulier ceux de l’Union européenne (UE), reposent sur des idéaux communs\xa0: la démocratie libérale, "
        "le libre-échange et l’économie de marché. Les liens entre la Corée et les pays d’Europe occidentale ont une "
        "longue histoire. Le Royaume-Uni, la France et de nombreux autres pays d’Europe occidentale ont pris part à "
        "la guerre de Corée sous le drapeau des Nations unies, et chacun d’eux a prêté son concours au relèvement de "
        "la Corée après la guerre. Pendant la guerre froide, la Corée et les pays d’Europe occidentale ont œuvré de "
        "concert pour réduire les tensions entre l’Est et l’Ouest, en participant activement à l’alliance "
        "occidentale conduite par les États-Unis. À l’époque de la guerre froide, les relations avec l’Europe "
        "portaient davantage sur le développement de la coopération économique et commerciale."
    ),
    (
        "Aujourd’hui, au terme de quatre vagues d’adhésion (1973\xa0: Danemark, Irlande et Royaume-Uni\xa0; "
        "1981\xa0: Grèce\xa0; 1986\xa0: Espagne et Portugal\xa0; 1995\xa0: Autriche, Finlande et Suède), l’Union "
        "européenne compte 15\xa0États membres et a approuvé l’adhésion de 13\xa0pays d’Europe de l’Est et du Sud."
    ),
    (
        "Ces dernières années, la coopération entre la Corée et les pays européens s’est encore élargie et "
        "approfondie dans tous les domaines, englobant non seulement les relations commerciales, économiques et "
        "technologiques, mais aussi de nombreux échanges de nature politique et culturelle. En octobre 1996, la "
        "Corée et l’Union européenne ont signé l’accord-cadre de commerce et de coopération. Cette signature s’est "
        "accompagnée de celle de la déclaration commune sur le dialogue politique, qui prévoit "
        "l’institutionnalisation de la coopération politique et des canaux de dialogue entre la Corée et l’Union "
        "européenne."
    ),
    (
        "L’Union européenne s’est engagée à apporter un soutien politique et financier à l’Organisation pour le "
        "développement énergétique de la péninsule coréenne (KEDO), créée en 1994 pour fournir deux réacteurs à eau "
        "légère à la Corée du Nord en échange de l’abandon de ses programmes de développement nucléaire. Il "
        "s’agissait d’un effort commun pour préserver le régime de non-prolifération nucléaire en Asie du Nord-Est. "
        "Les pays européens ont également apporté une aide humanitaire active à la Corée du Nord."
    ),
    (
        "L’Union européenne est le troisième partenaire commercial de la Corée. En 2001, les échanges commerciaux "
        "entre la Corée et l’Union européenne se sont élevés à 34,5\xa0milliards de dollars américains, soit "
        "11,8\xa0% du commerce extérieur total de la Corée. L’excédent commercial de la Corée est en hausse depuis "
        "1999 et a atteint 4,7\xa0milliards de dollars américains en 2001. À mesure que les relations économiques "
        "s’étendent dans le commerce et l’investissement, l’Union européenne demande avec une insistance croissante "
        "l’ouverture du marché coréen. Le gouvernement coréen met en place divers canaux de consultation permettant "
        "de prévenir les différends économiques avec l’Union européenne ou de les régler plus tôt."
    ),
]

ROK_EU_RELATIONS_BODY_KO = [
    (
        "대한민국이 서유럽 국가들, 특히 유럽연합(EU) 회원국들과 전통적으로 맺어 온 긴밀한 관계는 자유민주주의와 "
        "자유무역, 시장경제라는 공통의 이상에 바탕을 두고 있다. 한국과 서유럽 국가들의 관계는 오랜 역사를 지니고 "
        "있다. 영국과 프랑스를 비롯한 많은 서유럽 국가들은 유엔의 깃발 아래 6·25 전쟁에 참전했으며, 전쟁이 끝난 "
        "뒤에는 저마다 한국의 복구를 도왔다. 냉전 시대에 한국과 서유럽 국가들은 미국이 이끄는 서방 동맹에 적극적으로 "
        "참여하면서 동서 간의 긴장을 완화하기 위해 함께 노력했다. 냉전 시기 유럽과의 관계는 경제·통상 협력의 발전에 "
        "더 중점을 두었다."
    ),
    (
        "현재 유럽연합은 네 차례의 회원국 확대(1973년 덴마크·아일랜드·영국, 1981년 그리스, 1986년 스페인·포르투갈, "
        "1995년 오스트리아·핀란드·스웨덴)를 거쳐 15개 회원국으로 이루어져 있으며, 동유럽과 남유럽 13개국의 가입을 "
        "승인했다."
    ),
    (
        "최근 들어 한국과 유럽 국가들 간의 협력은 통상·경제·기술 관계뿐 아니라 정치·문화 분야의 다양한 교류를 "
        "아우르며 모든 분야에서 한층 더 넓어지고 깊어지고 있다. 1996년 10월 한국과 유럽연합은 ‘무역 및 협력에 관한 "
        "기본협정’에 서명했다. 이와 함께 양측은 한국과 유럽연합 간 정치 협력과 대화 채널의 제도화를 규정한 "
        "‘정치대화에 관한 공동선언’에도 서명했다."
    ),
    (
        "유럽연합은 북한이 핵 개발 계획을 포기하는 대가로 경수로 2기를 제공하기 위해 1994년 설립된 "
        "한반도에너지개발기구(KEDO)에 정치적·재정적 지원을 하기로 약속했다. 이는 동북아시아의 핵 비확산 체제를 "
        "유지하기 위한 공동의 노력이었다. 유럽 국가들은 또한 북한에 대한 인도적 지원에도 적극적으로 나서 왔다."
    ),
    (
        "유럽연합은 한국의 세 번째로 큰 교역 상대이다. 2001년 한국과 유럽연합 간 교역액은 345억 달러로, 한국 전체 "
        "대외 교역의 11.8%를 차지했다. 한국의 무역수지 흑자는 1999년 이후 증가세를 보여 2001년에는 47억 달러에 "
        "이르렀다. 무역과 투자 분야에서 경제 관계가 확대됨에 따라 한국 시장 개방을 요구하는 유럽연합의 목소리도 "
        "높아지고 있다. 한국 정부는 유럽연합과의 경제 분쟁을 예방하거나 조기에 해결할 수 있도록 다양한 협의 채널을 "
        "마련해 나가고 있다."
    ),
]

# The section Biz/Economy and the topic Economy have the same name.
ECONOMY = {
    "fr": "Économie",
    "de": "Wirtschaft",
    "es": "Economía",
    "ar": "الاقتصاد",
    "vi": "Kinh tế",
    "ru": "Экономика",
    "zh-hans": "经济",
    "ja": "経済",
    "ko": "경제",
}

# The section and the topic Culture have the same name.
CULTURE = {
    "fr": "Culture",
    "de": "Kultur",
    "es": "Cultura",
    "ar": "الثقافة",
    "vi": "Văn hóa",
    "ru": "Культура",
    "zh-hans": "文化",
    "ja": "文化",
    "ko": "문화",
}


TRANSLATIONS = {
    # The sections of the navigation.
    ("section", "general"): {
        "name": {
            "fr": "Général",
            "de": "Allgemeines",
            "es": "General",
            "ar": "عام",
            "vi": "Tổng hợp",
            "ru": "Общие новости",
            "zh-hans": "综合",
            "ja": "総合",
            "ko": "종합",
        },
    },
    ("section", "president"): {
        "name": {
            "fr": "Président",
            "de": "Präsident",
            "es": "Presidente",
            "ar": "الرئيس",
            "vi": "Tổng thống",
            "ru": "Президент",
            "zh-hans": "总统",
            "ja": "大統領",
            "ko": "대통령",
        },
    },
    ("section", "government"): {
        "name": {
            "fr": "Gouvernement",
            "de": "Regierung",
            "es": "Gobierno",
            "ar": "الحكومة",
            "vi": "Chính phủ",
            "ru": "Правительство",
            "zh-hans": "政府",
            "ja": "政府",
            "ko": "정부",
        },
    },
    ("section", "korea-and-the-world"): {
        "name": {
            "fr": "La Corée et le monde",
            "de": "Korea und die Welt",
            "es": "Corea y el mundo",
            "ar": "كوريا والعالم",
            "vi": "Hàn Quốc và thế giới",
            "ru": "Корея и мир",
            "zh-hans": "韩国与世界",
            "ja": "韓国と世界",
            "ko": "한국과 세계",
        },
    },
    ("section", "biz-economy"): {
        "name": ECONOMY,
    },
    ("section", "society"): {
        "name": {
            "fr": "Société",
            "de": "Gesellschaft",
            "es": "Sociedad",
            "ar": "المجتمع",
            "vi": "Xã hội",
            "ru": "Общество",
            "zh-hans": "社会",
            "ja": "社会",
            "ko": "사회",
        },
    },
    ("section", "culture"): {
        "name": CULTURE,
    },
    ("section", "arts"): {
        "name": {
            "fr": "Arts",
            "de": "Kunst",
            "es": "Artes",
            "ar": "الفنون",
            "vi": "Nghệ thuật",
            "ru": "Искусство",
            "zh-hans": "艺术",
            "ja": "芸術",
            "ko": "예술",
        },
    },
    ("section", "tourism"): {
        "name": {
            "fr": "Tourisme",
            "de": "Tourismus",
            "es": "Turismo",
            "ar": "السياحة",
            "vi": "Du lịch",
            "ru": "Туризм",
            "zh-hans": "旅游",
            "ja": "観光",
            "ko": "관광",
        },
    },
    ("section", "events-sports"): {
        "name": {
            "fr": "Événements et sports",
            "de": "Veranstaltungen und Sport",
            "es": "Eventos y deportes",
            "ar": "الفعاليات والرياضة",
            "vi": "Sự kiện và thể thao",
            "ru": "События и спорт",
            "zh-hans": "活动与体育",
            "ja": "イベント・スポーツ",
            "ko": "행사·스포츠",
        },
    },
    # The keywords of the header: the Korean words stay recognisable.
    ("tag", "dokdo"): {
        "name": {
            "fr": "Dokdo",
            "de": "Dokdo",
            "es": "Dokdo",
            "ar": "دوكدو",
            "vi": "Dokdo",
            "ru": "Токто",
            "zh-hans": "独岛",
            "ja": "独島",
            "ko": "독도",
        },
    },
    ("tag", "hallyu"): {
        "name": {
            "fr": "Hallyu",
            "de": "Hallyu",
            "es": "Hallyu",
            "ar": "هاليو",
            "vi": "Hallyu",
            "ru": "Халлю",
            "zh-hans": "韩流",
            "ja": "韓流",
            "ko": "한류",
        },
    },
    ("tag", "hangeul"): {
        "name": {
            "fr": "Hangeul",
            "de": "Hangeul",
            "es": "Hangeul",
            "ar": "الهانغول",
            "vi": "Hangeul",
            "ru": "Хангыль",
            "zh-hans": "韩文",
            "ja": "ハングル",
            "ko": "한글",
        },
    },
    ("tag", "kimchi"): {
        "name": {
            "fr": "Kimchi",
            "de": "Kimchi",
            "es": "Kimchi",
            "ar": "الكيمتشي",
            "vi": "Kim chi",
            "ru": "Кимчхи",
            "zh-hans": "辛奇",
            "ja": "キムチ",
            "ko": "김치",
        },
    },
    ("tag", "bulgogi"): {
        "name": {
            "fr": "Bulgogi",
            "de": "Bulgogi",
            "es": "Bulgogi",
            "ar": "البولغوغي",
            "vi": "Bulgogi",
            "ru": "Пулькоги",
            "zh-hans": "韩式烤肉",
            "ja": "プルコギ",
            "ko": "불고기",
        },
    },
    ("tag", "hanbok"): {
        "name": {
            "fr": "Hanbok",
            "de": "Hanbok",
            "es": "Hanbok",
            "ar": "الهانبوك",
            "vi": "Hanbok",
            "ru": "Ханбок",
            "zh-hans": "韩服",
            "ja": "韓服",
            "ko": "한복",
        },
    },
    ("tag", "taekwondo"): {
        "name": {
            "fr": "Taekwondo",
            "de": "Taekwondo",
            "es": "Taekwondo",
            "ar": "التايكوندو",
            "vi": "Taekwondo",
            "ru": "Тхэквондо",
            "zh-hans": "跆拳道",
            "ja": "テコンドー",
            "ko": "태권도",
        },
    },
    ("tag", "daejanggeum"): {
        "name": {
            "fr": "Daejanggeum",
            "de": "Daejanggeum",
            "es": "Daejanggeum",
            "ar": "داي جانغ غوم",
            "vi": "Dae Jang Geum",
            "ru": "Тэджангым",
            "zh-hans": "大长今",
            "ja": "チャングム",
            "ko": "대장금",
        },
    },
    ("tag", "insadong"): {
        "name": {
            "fr": "Insadong",
            "de": "Insadong",
            "es": "Insadong",
            "ar": "إنسادونغ",
            "vi": "Insadong",
            "ru": "Инсадон",
            "zh-hans": "仁寺洞",
            "ja": "仁寺洞",
            "ko": "인사동",
        },
    },
    ("tag", "traditional-music"): {
        "name": {
            "fr": "Musique traditionnelle",
            "de": "Traditionelle Musik",
            "es": "Música tradicional",
            "ar": "الموسيقى التقليدية",
            "vi": "Âm nhạc truyền thống",
            "ru": "Традиционная музыка",
            "zh-hans": "传统音乐",
            "ja": "伝統音楽",
            "ko": "국악",
        },
    },
    # The topics of the relation articles.
    ("topic", "politics"): {
        "name": {
            "fr": "Politique",
            "de": "Politik",
            "es": "Política",
            "ar": "السياسة",
            "vi": "Chính trị",
            "ru": "Политика",
            "zh-hans": "政治",
            "ja": "政治",
            "ko": "정치",
        },
    },
    ("topic", "security"): {
        "name": {
            "fr": "Sécurité",
            "de": "Sicherheit",
            "es": "Seguridad",
            "ar": "الأمن",
            "vi": "An ninh",
            "ru": "Безопасность",
            "zh-hans": "安全",
            "ja": "安全保障",
            "ko": "안보",
        },
    },
    ("topic", "economy"): {
        "name": ECONOMY,
    },
    ("topic", "culture"): {
        "name": CULTURE,
    },
    # The partners of Korea and the World.
    ("partner", "united-states"): {
        "name": {
            "fr": "États-Unis",
            "de": "Vereinigte Staaten",
            "es": "Estados Unidos",
            "ar": "الولايات المتحدة",
            "vi": "Hoa Kỳ",
            "ru": "США",
            "zh-hans": "美国",
            "ja": "米国",
            "ko": "미국",
        },
    },
    ("partner", "japan"): {
        "name": {
            "fr": "Japon",
            "de": "Japan",
            "es": "Japón",
            "ar": "اليابان",
            "vi": "Nhật Bản",
            "ru": "Япония",
            "zh-hans": "日本",
            "ja": "日本",
            "ko": "일본",
        },
    },
    ("partner", "european-union"): {
        "name": {
            "fr": "Union européenne",
            "de": "Europäische Union",
            "es": "Unión Europea",
            "ar": "الاتحاد الأوروبي",
            "vi": "Liên minh châu Âu",
            "ru": "Европейский союз",
            "zh-hans": "欧盟",
            "ja": "欧州連合（EU）",
            "ko": "유럽연합(EU)",
        },
    },
    ("partner", "china"): {
        "name": {
            "fr": "Chine",
            "de": "China",
            "es": "China",
            "ar": "الصين",
            "vi": "Trung Quốc",
            "ru": "Китай",
            "zh-hans": "中国",
            "ja": "中国",
            "ko": "중국",
        },
    },
    ("partner", "russia"): {
        "name": {
            "fr": "Russie",
            "de": "Russland",
            "es": "Rusia",
            "ar": "روسيا",
            "vi": "Nga",
            "ru": "Россия",
            "zh-hans": "俄罗斯",
            "ja": "ロシア",
            "ko": "러시아",
        },
    },
    # The relation articles: title and summary everywhere, the whole body of one in French and Korean.
    ("article", "rok-us-relations"): {
        "title": {
            "fr": "Relations entre la Corée et les États-Unis",
            "de": "Beziehungen zwischen Korea und den Vereinigten Staaten",
            "es": "Relaciones entre Corea y Estados Unidos",
            "ar": "العلاقات الكورية الأمريكية",
            "vi": "Quan hệ Hàn Quốc – Hoa Kỳ",
            "ru": "Корейско-американские отношения",
            "zh-hans": "韩美关系",
            "ja": "韓米関係",
            "ko": "한·미 관계",
        },
        "summary": {
            "fr": (
                "La République de Corée et les États-Unis sont tous deux attachés à la démocratie libérale, aux "
                "droits de l’homme et à l’économie de marché."
            ),
            "de": (
                "Die Republik Korea und die Vereinigten Staaten schätzen gleichermaßen die liberale Demokratie, die "
                "Menschenrechte und die Marktwirtschaft."
            ),
            "es": (
                "La República de Corea y Estados Unidos valoran por igual la democracia liberal, los derechos "
                "humanos y la economía de mercado."
            ),
            "ar": (
                "تتمسك جمهورية كوريا والولايات المتحدة على حد سواء بقيم الديمقراطية الليبرالية وحقوق الإنسان واقتصاد "
                "السوق."
            ),
            "vi": "Đại Hàn Dân Quốc và Hoa Kỳ đều coi trọng nền dân chủ tự do, nhân quyền và kinh tế thị trường.",
            "ru": (
                "Республика Корея и США в равной мере привержены либеральной демократии, правам человека и рыночной "
                "экономике."
            ),
            "zh-hans": "大韩民国和美国都崇尚自由民主、人权和市场经济。",
            "ja": "大韓民国と米国は、ともに自由民主主義、人権、市場経済を重んじている。",
            "ko": "대한민국과 미국은 모두 자유민주주의와 인권, 시장경제를 중시한다.",
        },
    },
    ("article", "rok-japan-relations"): {
        "title": {
            "fr": "Relations entre la Corée et le Japon",
            "de": "Beziehungen zwischen Korea und Japan",
            "es": "Relaciones entre Corea y Japón",
            "ar": "العلاقات الكورية اليابانية",
            "vi": "Quan hệ Hàn Quốc – Nhật Bản",
            "ru": "Корейско-японские отношения",
            "zh-hans": "韩日关系",
            "ja": "韓日関係",
            "ko": "한·일 관계",
        },
        "summary": {
            "fr": "La République de Corée et le Japon sont deux pays voisins, séparés par le détroit de Corée.",
            "de": (
                "Die Republik Korea und Japan sind Nachbarländer, die durch die Koreastraße voneinander getrennt sind."
            ),
            "es": "La República de Corea y Japón son países vecinos, separados por el estrecho de Corea.",
            "ar": "جمهورية كوريا واليابان بلدان جاران يفصل بينهما مضيق كوريا.",
            "vi": "Đại Hàn Dân Quốc và Nhật Bản là hai nước láng giềng, ngăn cách bởi eo biển Triều Tiên.",
            "ru": "Республика Корея и Япония — соседние страны, разделённые Корейским проливом.",
            "zh-hans": "大韩民国与日本是隔大韩海峡相望的邻国。",
            "ja": "大韓民国と日本は、大韓海峡を挟んで隣り合う国である。",
            "ko": "대한민국과 일본은 대한해협을 사이에 둔 이웃 나라이다.",
        },
    },
    ("article", "rok-eu-relations"): {
        "title": {
            "fr": "Relations entre la Corée et l’Union européenne",
            "de": "Beziehungen zwischen Korea und der Europäischen Union",
            "es": "Relaciones entre Corea y la Unión Europea",
            "ar": "العلاقات بين كوريا والاتحاد الأوروبي",
            "vi": "Quan hệ Hàn Quốc – EU",
            "ru": "Отношения между Республикой Корея и Европейским союзом",
            "zh-hans": "韩欧关系",
            "ja": "韓EU関係",
            "ko": "한·EU 관계",
        },
        "summary": {
            "fr": (
                "Les liens traditionnellement étroits de la République de Corée avec les pays d’Europe occidentale, "
                "en particulier ceux de l’Union européenne (UE), reposent sur des idéaux communs\xa0: la démocratie "
                "libérale, le libre-échange et l’économie de marché."
            ),
            "de": (
                "Die traditionell engen Beziehungen der Republik Korea zu den westeuropäischen Ländern, insbesondere "
                "zu den Staaten der Europäischen Union (EU), beruhen auf den gemeinsamen Idealen der liberalen "
                "Demokratie, des Freihandels und der Marktwirtschaft."
            ),
            "es": (
                "Los lazos tradicionalmente estrechos de la República de Corea con los países de Europa Occidental, "
                "en especial con las naciones de la Unión Europea (UE), se basan en los ideales compartidos de la "
                "democracia liberal, el libre comercio y la economía de mercado."
            ),
            "ar": (
                "تقوم العلاقات الوثيقة التي تربط جمهورية كوريا تقليديًا بدول أوروبا الغربية، ولا سيما دول الاتحاد "
                "الأوروبي، على المثل المشتركة المتمثلة في الديمقراطية الليبرالية والتجارة الحرة واقتصاد السوق."
            ),
            "vi": (
                "Mối quan hệ gắn bó truyền thống giữa Đại Hàn Dân Quốc với các nước Tây Âu, đặc biệt là các nước "
                "thuộc Liên minh châu Âu (EU), dựa trên những lý tưởng chung về dân chủ tự do, thương mại tự do và "
                "kinh tế thị trường."
            ),
            "ru": (
                "Традиционно тесные связи Республики Корея со странами Западной Европы, прежде всего с государствами "
                "Европейского союза (ЕС), основаны на общих идеалах либеральной демократии, свободной торговли и "
                "рыночной экономики."
            ),
            "zh-hans": (
                "大韩民国与西欧国家，特别是欧洲联盟（EU）成员国之间传统上的密切关系，建立在自由民主、自由贸易和市场经"
                "济等共同理念的基础之上。"
            ),
            "ja": (
                "大韓民国と西欧諸国、とりわけ欧州連合（EU）加盟国との伝統的に緊密な関係は、自由民主主義、自由貿易、市"
                "場経済という共通の理念に基づいている。"
            ),
            "ko": (
                "대한민국이 서유럽 국가들, 특히 유럽연합(EU) 회원국들과 전통적으로 맺어 온 긴밀한 관계는 "
                "자유민주주의와 자유무역, 시장경제라는 공통의 이상에 바탕을 두고 있다."
            ),
        },
        "body": {
            "fr": paragraphs_html(ROK_EU_RELATIONS_BODY_FR),
            "ko": paragraphs_html(ROK_EU_RELATIONS_BODY_KO),
        },
    },
    ("article", "rok-china-relations"): {
        "title": {
            "fr": "Relations entre la Corée et la Chine",
            "de": "Beziehungen zwischen Korea und China",
            "es": "Relaciones entre Corea y China",
            "ar": "العلاقات الكورية الصينية",
            "vi": "Quan hệ Hàn Quốc – Trung Quốc",
            "ru": "Корейско-китайские отношения",
            "zh-hans": "韩中关系",
            "ja": "韓中関係",
            "ko": "한·중 관계",
        },
        "summary": {
            "fr": (
                "Tout au long de la guerre froide, l’hostilité entre la Corée du Nord et la Corée du Sud a également "
                "privé cette dernière de relations diplomatiques avec la Chine comme avec l’Union soviétique."
            ),
            "de": (
                "Die Feindschaft zwischen Nord- und Südkorea führte während des gesamten Kalten Krieges auch dazu, "
                "dass Südkorea weder mit China noch mit der Sowjetunion diplomatische Beziehungen unterhielt."
            ),
            "es": (
                "Durante toda la Guerra Fría, la hostilidad entre Corea del Norte y Corea del Sur determinó también "
                "que Corea del Sur no mantuviera relaciones diplomáticas ni con China ni con la Unión Soviética."
            ),
            "ar": (
                "كما حال العداء بين الكوريتين الشمالية والجنوبية طوال الحرب الباردة دون أن تقيم كوريا الجنوبية "
                "علاقات دبلوماسية مع الصين أو الاتحاد السوفيتي."
            ),
            "vi": (
                "Trong suốt thời kỳ Chiến tranh Lạnh, sự thù địch giữa hai miền Nam – Bắc Triều Tiên cũng khiến Hàn "
                "Quốc không có quan hệ ngoại giao với cả Trung Quốc lẫn Liên Xô."
            ),
            "ru": (
                "На протяжении всей холодной войны враждебность между Северной и Южной Кореей также предопределяла "
                "отсутствие у Южной Кореи дипломатических отношений как с Китаем, так и с Советским Союзом."
            ),
            "zh-hans": "在整个冷战时期，韩朝之间的敌对关系也决定了韩国既不能同中国、也不能同苏联建立外交关系。",
            "ja": (
                "冷戦期を通じて、南北間の敵対関係は、韓国が中国ともソ連とも外交関係を持たないという状況をも決定づけて"
                "いた。"
            ),
            "ko": (
                "냉전 기간 내내 남북한 간의 적대 관계는 또한 한국이 중국, 소련 어느 나라와도 외교 관계를 맺지 못하게 "
                "하는 요인이 되었다."
            ),
        },
    },
    ("article", "rok-russia-relations"): {
        "title": {
            "fr": "Relations entre la Corée et la Russie",
            "de": "Beziehungen zwischen Korea und Russland",
            "es": "Relaciones entre Corea y Rusia",
            "ar": "العلاقات الكورية الروسية",
            "vi": "Quan hệ Hàn Quốc – Nga",
            "ru": "Корейско-российские отношения",
            "zh-hans": "韩俄关系",
            "ja": "韓ロ関係",
            "ko": "한·러 관계",
        },
        "summary": {
            "fr": (
                "La normalisation des relations diplomatiques entre la République de Corée et l’Union soviétique en "
                "1990 a été le fruit de la «\xa0diplomatie du Nord\xa0» de Séoul et de la politique étrangère de la "
                "«\xa0nouvelle pensée\xa0» de Moscou."
            ),
            "de": (
                "Die Normalisierung der diplomatischen Beziehungen zwischen der Republik Korea und der Sowjetunion "
                "im Jahr 1990 war ein Ergebnis der „Nordpolitik“ Seouls und der außenpolitischen Linie des „Neuen "
                "Denkens“ in Moskau."
            ),
            "es": (
                "La normalización diplomática entre la República de Corea y la Unión Soviética en 1990 fue fruto de "
                "la «diplomacia del Norte» de Seúl y de la política exterior del «nuevo pensamiento» de Moscú."
            ),
            "ar": (
                "جاء تطبيع العلاقات الدبلوماسية بين جمهورية كوريا والاتحاد السوفيتي عام 1990 ثمرةً لسياسة "
                "«الدبلوماسية الشمالية» التي انتهجتها سول وسياسة «التفكير الجديد» الخارجية التي تبنّتها موسكو."
            ),
            "vi": (
                "Việc bình thường hóa quan hệ ngoại giao giữa Đại Hàn Dân Quốc và Liên Xô năm 1990 là kết quả của "
                "chính sách “Ngoại giao phương Bắc” của Seoul và đường lối đối ngoại “tư duy mới” của Moskva."
            ),
            "ru": (
                "Нормализация дипломатических отношений между Республикой Корея и Советским Союзом в 1990 году стала "
                "результатом «северной дипломатии» Сеула и внешнеполитического курса «нового мышления» Москвы."
            ),
            "zh-hans": "1990年大韩民国与苏联实现外交关系正常化，是首尔“北方外交”与莫斯科“新思维”外交政策的结果。",
            "ja": (
                "1990年の大韓民国とソ連の国交正常化は、ソウルの「北方外交」とモスクワの「新思考」外交の成果であった。"
            ),
            "ko": (
                "1990년 대한민국과 소련의 국교 정상화는 서울의 ‘북방외교’와 모스크바의 ‘신사고’ 외교정책이 낳은 "
                "결실이었다."
            ),
        },
    },
    # The summits, keyed by partner and date.
    ("summit", "united-states-2005-11-17"): {
        "place": {
            "fr": "Gyeongju",
            "de": "Gyeongju",
            "es": "Gyeongju",
            "ar": "غيونغجو",
            "vi": "Gyeongju",
            "ru": "Кёнджу",
            "zh-hans": "庆州",
            "ja": "慶州",
            "ko": "경주",
        },
        "leaders": {
            "fr": "Roh Moo-hyun et George W. Bush",
            "de": "Roh Moo-hyun und George W. Bush",
            "es": "Roh Moo-hyun y George W. Bush",
            "ar": "روه مو هيون وجورج دبليو بوش",
            "vi": "Roh Moo-hyun và George W. Bush",
            "ru": "Но Му Хён и Джордж Буш",
            "zh-hans": "卢武铉和乔治·W·布什",
            "ja": "盧武鉉とジョージ・W・ブッシュ",
            "ko": "노무현 대통령과 조지 W. 부시 대통령",
        },
        "caption": {
            "fr": (
                "Le président Roh Moo-hyun s’entretient avec le président américain George W. Bush dans un hôtel de "
                "Gyeongju, lors d’un sommet, le 17\xa0novembre 2005."
            ),
            "de": (
                "Präsident Roh Moo-hyun im Gespräch mit US-Präsident George W. Bush in einem Hotel in Gyeongju "
                "während eines Gipfeltreffens am 17. November 2005."
            ),
            "es": (
                "El presidente Roh Moo-hyun conversa con el presidente de Estados Unidos, George W. Bush, en un "
                "hotel de Gyeongju durante una cumbre celebrada el 17 de noviembre de 2005."
            ),
            "ar": (
                "الرئيس روه مو هيون يتحدث مع الرئيس الأمريكي جورج دبليو بوش في أحد فنادق غيونغجو خلال قمة عُقدت في "
                "17 نوفمبر/تشرين الثاني 2005."
            ),
            "vi": (
                "Tổng thống Roh Moo-hyun trò chuyện với Tổng thống Hoa Kỳ George W. Bush tại một khách sạn ở "
                "Gyeongju trong cuộc gặp thượng đỉnh ngày 17 tháng 11 năm 2005."
            ),
            "ru": (
                "Президент Но Му Хён беседует с президентом США Джорджем Бушем в одной из гостиниц Кёнджу во время "
                "саммита 17 ноября 2005 года."
            ),
            "zh-hans": "2005年11月17日，卢武铉总统在庆州一家酒店举行的首脑会谈期间与美国总统乔治·W·布什交谈。",
            "ja": (
                "2005年11月17日、慶州のホテルで行われた首脳会談で、ジョージ・W・ブッシュ米大統領と話す盧武鉉大統領。"
            ),
            "ko": (
                "노무현 대통령이 2005년 11월 17일 경주의 한 호텔에서 열린 정상회담에서 조지 W. 부시 미국 대통령과 "
                "대화하고 있다."
            ),
        },
    },
    ("summit", "japan-2005-11-18"): {
        "place": {
            "fr": "Busan",
            "de": "Busan",
            "es": "Busan",
            "ar": "بوسان",
            "vi": "Busan",
            "ru": "Пусан",
            "zh-hans": "釜山",
            "ja": "釜山",
            "ko": "부산",
        },
        "leaders": {
            "fr": "Roh Moo-hyun et Junichiro Koizumi",
            "de": "Roh Moo-hyun und Junichiro Koizumi",
            "es": "Roh Moo-hyun y Junichiro Koizumi",
            "ar": "روه مو هيون وجونيتشيرو كويزومي",
            "vi": "Roh Moo-hyun và Junichiro Koizumi",
            "ru": "Но Му Хён и Дзюнъитиро Коидзуми",
            "zh-hans": "卢武铉和小泉纯一郎",
            "ja": "盧武鉉と小泉純一郎",
            "ko": "노무현 대통령과 고이즈미 준이치로 총리",
        },
        "occasion": {
            "fr": "Sommet de la Coopération économique pour l’Asie-Pacifique (APEC)",
            "de": "Gipfeltreffen der Asiatisch-Pazifischen Wirtschaftskooperation (APEC)",
            "es": "Cumbre del Foro de Cooperación Económica Asia-Pacífico (APEC)",
            "ar": "قمة منتدى التعاون الاقتصادي لآسيا والمحيط الهادئ (أبيك)",
            "vi": "Hội nghị cấp cao Diễn đàn Hợp tác Kinh tế châu Á – Thái Bình Dương (APEC)",
            "ru": "Саммит Азиатско-Тихоокеанского экономического сотрудничества (АТЭС)",
            "zh-hans": "亚太经济合作组织（APEC）领导人会议",
            "ja": "アジア太平洋経済協力（APEC）首脳会議",
            "ko": "아시아태평양경제협력체(APEC) 정상회의",
        },
        "caption": {
            "fr": (
                "Le président Roh Moo-hyun (à droite) serre la main du Premier ministre japonais Junichiro Koizumi "
                "avant leur rencontre bilatérale, en marge du sommet de la Coopération économique pour "
                "l’Asie-Pacifique (APEC), à Busan, le 18\xa0novembre 2005."
            ),
            "de": (
                "Präsident Roh Moo-hyun (rechts) schüttelt dem japanischen Ministerpräsidenten Junichiro Koizumi vor "
                "ihrem bilateralen Treffen während des Gipfeltreffens der Asiatisch-Pazifischen "
                "Wirtschaftskooperation (APEC) in Busan am 18. November 2005 die Hand."
            ),
            "es": (
                "El presidente Roh Moo-hyun (derecha) estrecha la mano del primer ministro japonés, Junichiro "
                "Koizumi, antes de su reunión bilateral durante la cumbre del Foro de Cooperación Económica "
                "Asia-Pacífico (APEC) en Busan, el 18 de noviembre de 2005."
            ),
            "ar": (
                "الرئيس روه مو هيون (يمينًا) يصافح رئيس الوزراء الياباني جونيتشيرو كويزومي قبل اجتماعهما الثنائي على "
                "هامش قمة منتدى التعاون الاقتصادي لآسيا والمحيط الهادئ (أبيك) في بوسان، في 18 نوفمبر/تشرين الثاني "
                "2005."
            ),
            "vi": (
                "Tổng thống Roh Moo-hyun (bên phải) bắt tay Thủ tướng Nhật Bản Junichiro Koizumi trước cuộc hội đàm "
                "song phương bên lề Hội nghị cấp cao Diễn đàn Hợp tác Kinh tế châu Á – Thái Bình Dương (APEC) tại "
                "Busan, ngày 18 tháng 11 năm 2005."
            ),
            "ru": (
                "Президент Но Му Хён (справа) пожимает руку премьер-министру Японии Дзюнъитиро Коидзуми перед "
                "двусторонней встречей в рамках саммита Азиатско-Тихоокеанского экономического сотрудничества (АТЭС) "
                "в Пусане 18 ноября 2005 года."
            ),
            "zh-hans": (
                "2005年11月18日，在釜山举行的亚太经济合作组织（APEC）领导人会议期间，卢武铉总统（右）在双边会谈前与日"
                "本首相小泉纯一郎握手。"
            ),
            "ja": (
                "2005年11月18日、釜山で開かれたアジア太平洋経済協力（APEC）首脳会議の際、二国間会談を前に小泉純一郎首"
                "相と握手する盧武鉉大統領（右）。"
            ),
            "ko": (
                "노무현 대통령(오른쪽)이 2005년 11월 18일 부산에서 열린 아시아태평양경제협력체(APEC) 정상회의 기간에 "
                "양자 회담에 앞서 고이즈미 준이치로 일본 총리와 악수하고 있다."
            ),
        },
    },
    ("summit", "china-2005-11-16"): {
        "place": {
            "fr": "Cheong Wa Dae, Séoul",
            "de": "Cheong Wa Dae, Seoul",
            "es": "Cheong Wa Dae, Seúl",
            "ar": "تشونغ وا داي (البيت الأزرق)، سول",
            "vi": "Nhà Xanh (Cheong Wa Dae), Seoul",
            "ru": "Чхонвадэ, Сеул",
            "zh-hans": "首尔青瓦台",
            "ja": "ソウル・青瓦台",
            "ko": "서울 청와대",
        },
        "leaders": {
            "fr": "Roh Moo-hyun et Hu Jintao",
            "de": "Roh Moo-hyun und Hu Jintao",
            "es": "Roh Moo-hyun y Hu Jintao",
            "ar": "روه مو هيون وهو جينتاو",
            "vi": "Roh Moo-hyun và Hồ Cẩm Đào",
            "ru": "Но Му Хён и Ху Цзиньтао",
            "zh-hans": "卢武铉和胡锦涛",
            "ja": "盧武鉉と胡錦濤",
            "ko": "노무현 대통령과 후진타오 국가주석",
        },
        "caption": {
            "fr": (
                "Le président Roh Moo-hyun (à droite) serre la main du président chinois Hu Jintao avant leur sommet "
                "à Cheong Wa Dae, à Séoul, le 16\xa0novembre 2005."
            ),
            "de": (
                "Präsident Roh Moo-hyun (rechts) schüttelt dem chinesischen Staatspräsidenten Hu Jintao vor einem "
                "Gipfeltreffen in Cheong Wa Dae in Seoul am 16. November 2005 die Hand."
            ),
            "es": (
                "El presidente Roh Moo-hyun (derecha) estrecha la mano del presidente chino, Hu Jintao, antes de una "
                "cumbre en Cheong Wa Dae, en Seúl, el 16 de noviembre de 2005."
            ),
            "ar": (
                "الرئيس روه مو هيون (يمينًا) يصافح الرئيس الصيني هو جينتاو قبيل اجتماع القمة في تشونغ وا داي (البيت "
                "الأزرق) في سول، في 16 نوفمبر/تشرين الثاني 2005."
            ),
            "vi": (
                "Tổng thống Roh Moo-hyun (bên phải) bắt tay Chủ tịch Trung Quốc Hồ Cẩm Đào trước cuộc hội đàm thượng "
                "đỉnh tại Nhà Xanh ở Seoul, ngày 16 tháng 11 năm 2005."
            ),
            "ru": (
                "Президент Но Му Хён (справа) пожимает руку Председателю КНР Ху Цзиньтао перед переговорами на "
                "высшем уровне в Чхонвадэ в Сеуле 16 ноября 2005 года."
            ),
            "zh-hans": "2005年11月16日，卢武铉总统（右）在首尔青瓦台举行首脑会谈前与中国国家主席胡锦涛握手。",
            "ja": (
                "2005年11月16日、ソウルの青瓦台での首脳会談を前に、胡錦濤中国国家主席と握手する盧武鉉大統領（右）。"
            ),
            "ko": (
                "노무현 대통령(오른쪽)이 2005년 11월 16일 서울 청와대에서 열린 정상회담에 앞서 후진타오 중국 "
                "국가주석과 악수하고 있다."
            ),
        },
    },
    # The trade figures with a source or a note, keyed by partner and year.
    ("trade", "united-states-2004"): {
        "source": {
            "fr": "Ministère du Commerce, de l’Industrie et de l’Énergie",
            "de": "Ministerium für Handel, Industrie und Energie",
            "es": "Ministerio de Comercio, Industria y Energía",
            "ar": "وزارة التجارة والصناعة والطاقة",
            "vi": "Bộ Thương mại, Công nghiệp và Năng lượng",
            "ru": "Министерство торговли, промышленности и энергетики",
            "zh-hans": "产业资源部",
            "ja": "産業資源部",
            "ko": "산업자원부",
        },
        "note": {
            "fr": "Les États-Unis achètent plus de 20\xa0% des exportations coréennes.",
            "de": "Die Vereinigten Staaten nehmen mehr als 20 Prozent der koreanischen Exporte ab.",
            "es": "Estados Unidos compra más del 20\xa0% de las exportaciones coreanas.",
            "ar": "تشتري الولايات المتحدة أكثر من 20 في المئة من صادرات كوريا.",
            "vi": "Hoa Kỳ mua hơn 20% hàng xuất khẩu của Hàn Quốc.",
            "ru": "США закупают более 20\xa0% корейского экспорта.",
            "zh-hans": "美国购买韩国20%以上的出口商品。",
            "ja": "米国は韓国の輸出の20%以上を購入している。",
            "ko": "미국은 한국 수출품의 20% 이상을 사들이고 있다.",
        },
    },
    ("trade", "japan-annual"): {
        "note": {
            "fr": "Échanges bilatéraux annuels\xa0; la source ne précise pas l’année.",
            "de": "Jährlicher bilateraler Handel; die Quelle nennt kein Jahr.",
            "es": "Comercio bilateral anual; la fuente no indica el año.",
            "ar": "حجم التجارة الثنائية السنوي؛ لا يذكر المصدر السنة.",
            "vi": "Kim ngạch thương mại hai chiều hằng năm; nguồn không nêu năm cụ thể.",
            "ru": "Годовой объём двусторонней торговли; год в источнике не указан.",
            "zh-hans": "年度双边贸易额；资料来源未注明年份。",
            "ja": "年間の二国間貿易額。出典には年の記載がない。",
            "ko": "연간 양국 교역액이며, 출처에 연도가 명시되어 있지 않다.",
        },
    },
}

# The Open Forum's boards.
TRANSLATIONS.update(
    {
        ("board", "general"): {
            "name": {
                "fr": "Discussion générale",
                "de": "Allgemeine Diskussion",
                "es": "Debate general",
                "ar": "نقاش عام",
                "vi": "Thảo luận chung",
                "ru": "Общее обсуждение",
                "zh-hans": "综合讨论",
                "ja": "総合ディスカッション",
                "ko": "자유 토론",
            },
            "description": {
                "fr": "Questions et échanges sur la Corée.",
                "de": "Fragen und Gespräche über Korea.",
                "es": "Preguntas y conversaciones sobre Corea.",
                "ar": "أسئلة وأحاديث حول كوريا.",
                "vi": "Hỏi đáp và trò chuyện về Hàn Quốc.",
                "ru": "Вопросы и беседы о Корее.",
                "zh-hans": "关于韩国的问题与交流。",
                "ja": "韓国についての質問と会話。",
                "ko": "한국에 관한 질문과 이야기.",
            },
        },
        ("board", "korea-and-the-world"): {
            # The board bears the section's name.
            "name": TRANSLATIONS[("section", "korea-and-the-world")]["name"],
            "description": {
                "fr": "Les relations de la Corée avec ses voisins et ses partenaires.",
                "de": "Koreas Beziehungen zu seinen Nachbarn und Partnern.",
                "es": "Las relaciones de Corea con sus vecinos y socios.",
                "ar": "علاقات كوريا مع جيرانها وشركائها.",
                "vi": "Quan hệ của Hàn Quốc với các nước láng giềng và đối tác.",
                "ru": "Отношения Кореи с соседями и партнёрами.",
                "zh-hans": "韩国与邻国及合作伙伴的关系。",
                "ja": "韓国と近隣諸国・パートナーとの関係。",
                "ko": "이웃 나라 및 파트너와 한국의 관계.",
            },
        },
        ("board", "culture"): {
            "name": {
                "fr": "Culture et Hallyu",
                "de": "Kultur und Hallyu",
                "es": "Cultura y Hallyu",
                "ar": "الثقافة والموجة الكورية",
                "vi": "Văn hóa và Hallyu",
                "ru": "Культура и халлю",
                "zh-hans": "文化与韩流",
                "ja": "文化と韓流",
                "ko": "문화와 한류",
            },
            "description": {
                "fr": "Cuisine, musique, séries, langue et traditions coréennes.",
                "de": "Koreanische Küche, Musik, Serien, Sprache und Traditionen.",
                "es": "Gastronomía, música, series, lengua y tradiciones coreanas.",
                "ar": "المطبخ والموسيقى والدراما واللغة والتقاليد الكورية.",
                "vi": "Ẩm thực, âm nhạc, phim truyền hình, ngôn ngữ và truyền thống Hàn Quốc.",
                "ru": "Корейская кухня, музыка, сериалы, язык и традиции.",
                "zh-hans": "韩国美食、音乐、电视剧、语言与传统。",
                "ja": "韓国の料理、音楽、ドラマ、言語、伝統。",
                "ko": "한국의 음식, 음악, 드라마, 언어와 전통.",
            },
        },
    }
)
