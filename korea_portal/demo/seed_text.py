"""Paragraphs of the seed page, word for word, one list per relation article.

Generated once from shared/seed/000_31c503a5fd87fc3f.txt; the photo captions
are kept apart (they belong to the summits).
"""

BODIES = {
    'rok-us-relations': [
        (
            'The Republic of Korea and the United States both value liberal democracy, human rights and'
            ' the market economy. Adhering to the principles of mutual benefit and equality, they have '
            'developed a mature partnership in all fields, which in turn has led to a firm foundation '
            'for future diplomatic and security cooperation.'
        ),
        (
            'A crucial diplomatic task facing Korea and the United States is the cooperation to '
            'establish peace on the Korean Peninsula and to bring about the conditions for peaceful '
            'unification. Korea will continue to assume the lead in the quest for peace and unification'
            ' of the Korean Peninsula, including the direction of the South-North dialogue, while the '
            'United States and other concerned countries remain strongly supportive.'
        ),
        (
            'Over the past five decades, the Republic of Korea and the United States have built and '
            'maintained a closely integrated alliance system to effectively ensure peace and stability '
            'on the Korean Peninsula and in Northeast Asia as a whole. The Republic of Korea and the '
            'U.S. have developed and modified numerous political, legal, institutional, and operational'
            ' arrangements so that the security establishments of both countries could be effectively '
            'used in deterring renewed external aggression and in defending the Republic of Korea '
            'should deterrence fail. The Republic of Korea and the United States have maintained their '
            'bilateral alliance mainly to meet the North Korean challenges. In the ROK-U.S. Mutual '
            'Defense Treaty, both countries declared their determination "to defend themselves against '
            'external armed attack so that no potential aggressor could be under the illusion that '
            'either of them stands alone in the Pacific area." They also expressed their desire "to '
            'strengthen their efforts for collective defense for the preservation of peace and security'
            ' pending the development of a more comprehensive and effective system of regional security'
            ' in the Pacific area."'
        ),
        (
            'The alliance is now looking beyond the Korean Peninsula and is contributing to '
            'facilitating peace and prosperity in East Asia. In other words, given the increasing '
            'importance of non-conventional security issues, it is desirable for both countries to '
            'envision a comprehensive regional security alliance based on the common values of '
            'democracy and a market economy. Further, the ROK-U.S. security alliance should be expanded'
            ' geographically and functionally to better respond to a new strategic environment. From '
            'political-military alliance to a comprehensive security alliance-that is the direction to '
            'take in the future.'
        ),
        (
            'To expand the scope of security cooperation between the Republic of Korea and the U.S. and'
            ' prepare for military operations other than war (MOOTW), it is necessary to have a light '
            'and mobile force structure. The reduction in quantity will be offset by qualitative '
            'improvements through acquiring sophisticated weapons and utilizing modern technologies '
            'known as the "Revolution in Military Affairs (RMA)." A specific emphasis on air and naval '
            'components will enhance power projection and offensive strike capability. Weapons to be '
            'procured will extend the range of military operations and improve mobility and precision. '
            'Consequently, the force structure should be switched from an occupation-oriented mode to a'
            ' distant precision strike and rapid reaction mode.'
        ),
        (
            'Taking into consideration NATO and the U.S.-Japanese alliance, the ROK-U.S. alliance '
            'should be gradually transformed into a more equal mechanism. The Republic of Korea and '
            'U.S. forces should be linked together through a close consultative mechanism. '
            'Additionally, the harmonious coordination of strategic planning, joint exercise, and '
            'information and intelligence sharing must be further enhanced. In addition, more attention'
            ' should be given to handle Korean public sentiments. While trying to wisely resolve the '
            'sources of anti-American sentiments, both governments should effectively cultivate a '
            'rationale as to why the bilateral alliance needs to be maintained into the 21st century.'
        ),
        (
            'It seems to be clear why the ROK-U.S. security alliance must continue to exist and '
            'function and how the Republic of Korea and the United States should cooperate to serve '
            'their respective security alliances and interests in the new security environment. It '
            'remains for the two countries to implement the guidelines in a way that minimizes '
            'confusion and misunderstanding on and around the Korean Peninsula.'
        ),
        (
            'The Republic of Korea and the United States are close partners not only in politics and '
            'military but economic areas such as trade, technology, and investment. As the most '
            'important source of foreign capital and advanced technology, the United States has '
            "contributed substantially toward the Republic's economic growth during the period between "
            '1962 and 1979, when the Korean economy developed rapidly. The close economic relationship '
            "between the two countries was reconfirmed during Korea's financial crisis at the end of "
            '1997 as the United States played a decisive role in organizing emergency loans to Korea. '
            'Two-way trade volume between the Republic of Korea and the United States reached US$71.6 '
            'billion in 2004, according to the Ministry of Commerce, Industry and Energy. America '
            "remains Korea's largest trading partner and export market, purchasing more than 20 percent"
            ' of Korean exports.'
        ),
        (
            'Given the magnitude of Korea-U.S. trade relations and the growing interdependence of the '
            'two countries, disputes are bound to arise. However, both countries have resolved all the '
            'trade problems amicably through dialogue. A variety of channels have been established to '
            'deal with pressing issues at both the policy-making and working levels. The Trade Subgroup'
            ' has played an important role in this regard and an "early-warning" function of existing '
            'channels, such as the Trade Action Group, has been strengthened to prevent trade disputes '
            'between the two countries. Seoul and Washington have also continued their future-oriented '
            'dialogue through the Presidential Economic Initiative (PEI), Dialogue for Economic '
            'Subcabinet Consultations, to build a stronger and closer economic partnership.'
        ),
        (
            'The Republic of Korea not only maintains cooperative political, military, and economic '
            'links with the United States, but also pursues active exchanges in the cultural, social '
            'and sports fields as well. The sheer breadth of the links between the Republic of Korea '
            'and the United States promotes an exceptionally active exchange between the two peoples. '
            'Over a million Korean-Americans now reside in the United States and have earned an '
            'exemplary reputation. They provide a strong impetus to friendly ties between the two '
            'countries.'
        ),
    ],
    'rok-japan-relations': [
        (
            'The Republic of Korea and Japan are neighboring countries, separated by the Korea Strait. '
            'The two nations have had close cultural ties and have enjoyed active exchanges since '
            'ancient times. In the previous century, however, the two nations passed an unhappy part of'
            ' history as Korea became a colony of Japan (1910-1945).'
        ),
        (
            'In 1965, diplomatic relations were reestablished. The two nations were able to again take '
            'advantage of their geographic proximity and cultural similarities, and have since actively'
            ' pursued the development of friendly and cooperative relations. Many programs promoting '
            'bilateral travel and exchanges of national products have served to further enhance '
            'understanding and cooperation between the Japanese and Korean peoples. Some 3 million '
            'Japanese and Koreans travel between the two countries each year, and two-way trade now '
            "totals more than US$53 billion annually. These figures clearly reveal the two countries' "
            'deeply woven interdependence.'
        ),
        (
            'In line with such growing ties, the leaders of the Republic of Korea and Japan have met '
            "frequently. Japanese Prime Minister Nakasone Yasuhiro's visit to Seoul in January 1983 and"
            " Korean President Chun Doo-hwan's visit to Japan in September 1984, marked the beginning "
            'of almost yearly summit meetings between the two nations - a trend continued by Presidents'
            ' Roh Tae-woo, Kim Young-sam, and Kim Dae-jung.'
        ),
        (
            'The series of bilateral talks have greatly contributed to creating an overall friendly '
            'atmosphere between the two countries. But, even with this heartening development, there '
            'still exists a historical black cloud which threatens to overshadow the relationship '
            'between the two countries, with potentially disruptive results. Occasional setbacks in the'
            ' cooperative ties between the two countries, sparked by unsavory remarks made by several '
            'Japanese right-wing politicians on issues relating to Japanese colonial rule and history '
            "textbooks, as well as by the Japanese government's territorial claim on the island of "
            'Dokdo, provide lucid evidence of this volatility.'
        ),
        (
            "In this context, the two countries' successful co-hosting of the 2002 FIFA World Cup "
            'Korea/Japan held symbolic importance in that they exerted utmost efforts not only to heal '
            'past wounds, but to pave the way for a brighter future as mutually supportive partners. '
            'Among other things, Korea and Japan agreed to greatly expand youth exchange programs as a '
            'way to deepen mutual understanding, and also, to promote joint study on the history of '
            'Korea-Japan relations, in order to bridge the gap between the two sides in relation to '
            "each nation's perception of history."
        ),
        (
            'In the meantime, cooperation with Japan has not been limited solely to bilateral issues '
            'but extends to a common concern for the stability and prosperity of Northeast Asia, and '
            'other global issues as well. The foreign ministers of the two countries hold regularly '
            'scheduled annual consultations and generally meet four or five times every year on an ad '
            'hoc basis. Furthermore, there are numerous channels through which the two countries confer'
            ' with each other on every possible topic-current affairs as well as historical issues that'
            ' from time to time threaten to upset the bilateral relationship.'
        ),
        (
            "Japan is Korea's second largest trading partner and the signing of a free trade agreement "
            '(FTA) between Korea and Japan is being seriously discussed. The two nations also have '
            'worked to promote cooperation in investment, technology and other economic fields. In the '
            '21st century, there will be even more active exchanges and cooperation between Korea and '
            'Japan. The two nations will not only work together to promote the prosperity of the '
            'Asia-Pacific region, but also to address global issues.'
        ),
        (
            'In the meantime, they are cooperating closely to bolster peace and stability in Northeast '
            'Asia. Although the Asia-Pacific region has not recovered completely from the Asian '
            'financial crisis, there is every indication that the 21st century will again be a time of '
            'vitality for the Asia-Pacific region. In this new age, Korea and Japan, sharing not only '
            'such fundamentals as democracy and market economy, but also having a vested interest in '
            'the security affairs of the region, will continue to cooperate in order to enhance their '
            'mutually beneficial partnership as fully pledged partners through the 21st century.'
        ),
    ],
    'rok-eu-relations': [
        (
            "The Republic of Korea's traditionally close ties with Western European countries, "
            'especially the nations of the European Union (EU), are based on the shared ideals of '
            'liberal democracy, free trade and market economy. The ties between Korea and Western '
            'European countries have a long history. Britain, France and many other Western European '
            'countries took part in the Korean War under the flag of the United Nations, and each had a'
            ' helping hand in the recovery of Korea after the war. During the Cold War era, Korea and '
            'the Western European countries worked in concert to reduce tensions between East and West,'
            ' actively participating in the Western alliance led by the United States. Relations with '
            'Europe during the Cold War had been more focused on developing economic and trade '
            'cooperation.'
        ),
        (
            'Today, after four waves of accessions (1973: Denmark, Ireland, and the United Kingdom; '
            '1981: Greece; 1986: Spain and Portugal; 1995: Austria, Finland, and Sweden) the European '
            'Union has 15 Member States and has approved the accession of 13 eastern and southern '
            'European countries.'
        ),
        (
            'In recent years, the cooperation between Korea and European countries has been further '
            'broadening and deepening in all fields, encompassing not only trade, economic and '
            'technological relations, but also many exchanges of a political and cultural nature. In '
            'October 1996, Korea and the European Union signed the Framework Agreement on Trade and '
            'Cooperation. This was accompanied by the signing of the Joint Declaration on Political '
            'Dialogue which stipulates the institutionalization of political cooperation and dialogue '
            'channels between Korea and the European Union.'
        ),
        (
            'The European Union has committed to render political and financial support for the Korean '
            'Peninsula Energy Development Organization (KEDO) which was established in 1994 to provide '
            'two lightwater reactors for North Korea in exchange for its abandoning nuclear development'
            ' programs. It was a collaborative effort to sustain the nuclear non-proliferation regime '
            'in Northeast Asia. The European countries also have been active in providing humanitarian '
            'assistance to North Korea.'
        ),
        (
            "The European Union forms Korea's third largest trading partner. The two-way trade between "
            'Korea and the European Union in 2001 amounted to US$34.5 billion, occupying 11.8 percent '
            "of Korea's total trading with foreign countries. Korea's trade surplus has been on the "
            'rise since 1999, reaching US$4.7 billion in 2001. As economic relations in trade and '
            "investment are expanding, the European Union's call for opening of Korean market is being "
            'strengthened. Korean government is cultivating various consultative channels through which'
            ' economic disputes with European Union would be prevented or resolved at an earlier stage.'
        ),
    ],
    'rok-china-relations': [
        (
            'Hostility between North and South Korea also determined throughout the Cold War that South'
            ' Korea should have no diplomatic relations with either China or the Soviet Union. North '
            'Korea played on the rivalry of these countries to keep both lined up behind its denial of '
            "South Korea's political legitimacy. As South Korea's economy grew stronger, however, both "
            'China and the Soviet Union saw the advantage of economic links with South Korea and became'
            ' increasingly unwilling to let ideological solidarity with North Korea stand in the way. '
            'Diplomatic relations were established with the Soviet Union in 1990 and with China in '
            '1992, opening the way for a rapid increase in trade and investment flows. Both China and '
            'the Soviet Union also withdrew their long-standing veto on South Korea joining the UN, '
            'thus enabling both Korean states to become full members in 1991.'
        ),
        (
            'Since diplomatic normalization with China in 1992, the Republic of Korea and China have '
            'expanded and deepened their trade and economic ties. In 2000, two-way trade between the '
            'Republic of Korea and China amounted to US$31.3 billion, with Korea exporting US$18.5 '
            'billion and importing US$12.8 billion. China is the third largest trading partner of Korea'
            ' and mutual relations in investment also will be continuously enhanced as economic reforms'
            ' in both countries continue.'
        ),
        (
            'On the basis of the increasingly close economic ties, the two countries also have achieved'
            ' impressive progress in other aspects of the bilateral relations, including political, '
            'diplomatic, cultural, and academic exchanges. This ever-deepening bilateral relationship '
            'provides a solid base for cooperation in promoting peace in Northeast Asia and prosperity '
            'in the Asia-Pacific region. Both the Republic of Korea and China share the view that peace'
            ' and stability on the Korean Peninsula is essential for the realization of peace and '
            'stability in Northeast Asia.'
        ),
        (
            "China is opposed to North Korea's nuclear program because nuclear weapons in the hands of "
            'the North Korean regime will certainly ignite nuclear proliferation in the Northeast Asian'
            ' region, particularly Japan, which will lead to the breakdown of the non-proliferation '
            'regime. Building an abiding friendship with China is imperative for the Republic of Korea '
            'to facilitate peace mechanism on the Korean Peninsula, and eventually, to establish a '
            'security atmosphere favorable to unification.'
        ),
    ],
    'rok-russia-relations': [
        (
            'Diplomatic normalization between the Republic of Korea and the Soviet Union in 1990 was an'
            ' outcome of Seoul\'s "Northern Diplomacy" and Moscow\'s "new thinking" foreign policy. For '
            'South Korea, the establishment of diplomatic relations with the Soviet Union served as a '
            'catalyst in the attempt to reinforce its foreign policy. Concerning the mutual complement '
            'of the national interests of respective countries, namely the security interest of the '
            'Republic of Korea versus the economic interest of the Soviet Union, bilateral relations '
            'between the two countries attracted great anticipation.'
        ),
        (
            'The election of Vladimir Putin as the president of Russia and the inter-Korean summit '
            'meeting in June 2000 made new environment for developing South Korea-Russia relations. '
            'Russia and the two Koreas respectively held summit talks in recent years and these '
            'exchanges led to intensive cooperation between Seoul and Moscow. Political dialogue and '
            'mutual visits at various levels, including those between the two Foreign Ministries, '
            'government agencies, judicial and legislative bodies, are also actively being pushed. At '
            'present, Korea and Russia have similar views on many regional and international issues, '
            'and this helps each nation to define its position and to defend it on the international '
            'level.'
        ),
        (
            'Russia attaches great importance to peace and stability on the Korean Peninsula and its '
            'democratic and peaceful reunification. In this regard, Russia supports all South Korean '
            'initiatives, including the reconciliatory engagement policy toward the North, that will '
            'lead to furthering the South-North dialogues. Russia also shows keen interest in '
            'participating in the process of facilitating a peaceful unification of the Korean '
            "Peninsula. The Republic of Korea, noting Russia's concern and interests, continues to try "
            "to enhance bilateral cooperation in order to ensure Russia's support and constructive role"
            ' in facilitating the consolidation of peace on the Korean Peninsula.'
        ),
        (
            'On the economic front the two nations have agreed to push for economic projects, including'
            ' a railroad connection via North Korea, as well as South Korea-Russia bilateral programs '
            'in the fields of natural resources, fisheries, transportation, information and '
            'communications and technology. The total volume of trade between the two countries has '
            'increased significantly from US$900 million in 1990 to US$3.8 billion in 1996. Since the '
            'financial crises the total has fallen, but in the year of 2000 bilateral trade has '
            'recovered to the total volume of US$2.8 billion. Direct investment by Korean firms in '
            'Russia is the area that has received the most attention and anticipation from both '
            'countries.'
        ),
    ],
}

CAPTIONS = {
    'rok-us-relations': (
        'President Roh Moo-hyun talks with U.S. President George W. Bush at a hotel in Gyeongju '
        'during a summit on November 17, 2005.'
    ),
    'rok-japan-relations': (
        'President Roh Moo-hyun, right, shakes hands with Japanese Prime Minister Junichiro Koizumi'
        ' before their bilateral meeting during the Asia-Pacific Economic Cooperation (APEC) summit'
        ' in Busan, on November 18, 2005.'
    ),
    'rok-china-relations': (
        'President Roh Moo-hyun, right, shakes hands with Chinese President Hu Jintao, prior to a '
        'summit meeting at Cheong Wa Dae in Seoul, on November 16, 2005.'
    ),
}
