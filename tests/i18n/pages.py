"""Read what a visitor's browser would read from a page: the html element, links, alternates."""

from html.parser import HTMLParser

LANGUAGES = ["en", "fr", "de", "es", "ar", "vi", "ru", "zh-hans", "ja", "ko"]
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """The parts of an HTML page that the language tests look at."""

    def __init__(self, html):
        super().__init__()
        self.html_attrs = {}
        self.alternates = {}
        # The head's <link rel> (other than alternates) and <meta> tags, by rel, property or name: [href or content].
        self.links = {}
        self.meta = {}
        self.language_bar = {}
        self.elements = []
        # (innermost tag, text, nearest lang, nearest dir) of each piece of text.
        self.texts = []
        self._in_language_bar = False
        self._open = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in VOID_ELEMENTS:
            self._open.append((tag, attrs))
        if tag == "html":
            self.html_attrs = attrs
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "link":
            self.links.setdefault(attrs.get("rel"), []).append(attrs.get("href"))
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.setdefault(attrs.get("property") or attrs["name"], []).append(attrs.get("content"))
        elif tag == "nav" and "language-bar" in attrs.get("class", ""):
            self._in_language_bar = True
        elif tag == "a" and self._in_language_bar:
            self.language_bar[attrs["hreflang"]] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_language_bar = False
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break

    def handle_data(self, data):
        if data.strip():
            tag = self._open[-1][0] if self._open else None
            self.texts.append((tag, data.strip(), self._inherited("lang"), self._inherited("dir")))

    def _inherited(self, attribute):
        return next((attrs[attribute] for _tag, attrs in reversed(self._open) if attribute in attrs), None)

    def reading_of(self, text, tag=None):
        """Return (lang, dir) of the first piece of text (in a ``tag`` element, if given) that contains ``text``."""
        return next(
            (lang, direction)
            for element, data, lang, direction in self.texts
            if text in data and tag in (None, element)
        )

    def with_class(self, name):
        """Return the attributes of every element whose class list holds ``name``."""
        return [attrs for _tag, attrs in self.elements if name in (attrs.get("class") or "").split()]


def page_of(response):
    assert response.status_code == 200, response.status_code
    return Page(response.content.decode())
