from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_bidi

from news.languages import native_name
from news.models import Section, Tag

# The section whose navigation entry leads to the partners' pages.
WORLD_SECTION_SLUG = "korea-and-the-world"


def navigation(sections):
    for section in sections:
        if section.slug == WORLD_SECTION_SLUG:
            url = reverse("relations:countries")
        else:
            url = section.get_absolute_url()
        yield {"section": section, "url": url}


def portal(request):
    """What every page's header, navigation and footer show."""
    language = get_language()
    path = request.get_full_path()
    return {
        "site_name": settings.SITE_NAME,
        "nav_sections": list(navigation(Section.objects.all())),
        "keyword_tags": Tag.objects.all(),
        "language_links": [
            {"code": code, "name": native_name(code), "url": translate_url(path, code), "current": code == language}
            for code, _name in settings.LANGUAGES
        ],
        "default_language_url": translate_url(path, settings.LANGUAGE_CODE),
        "text_direction": "rtl" if get_language_bidi() else "ltr",
    }
