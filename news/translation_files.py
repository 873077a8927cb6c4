"""
Translating from files: an article's texts exported as XLIFF 2.0 for translators, and their translation imported.

An exported file holds, for one target language, one ``<file>`` per article:
which article it is (app label, model, primary key, in the XLIFF metadata
module), and one ``<unit>`` per translatable field (``title``, ``summary``,
``body``: the article's fields registered with modeltranslation) with the
English ``<source>``, the fingerprint of that source, and the translation
the article already has as ``<target>``. The body's HTML is written as
text: translators keep its tags and translate the text between them.

An import is refused whole, with its reasons field by field, unless every
check passes: a well-formed XML file without DTD or entities (defusedxml),
the XLIFF 2.0 namespace, English to the language chosen, a ``<file>`` for
this article, known fields, text only in the targets, each field's value
valid. A unit whose English source changed since the export is named and
refused unless the editor confirms: the translation is then applied but the
language stays marked outdated, since it was made from an older English text.
Otherwise the language's outdated mark is cleared. The fields are applied
together in one transaction and recorded as one revision; a body is cleaned
with nh3 on the body's allow-list first.
"""

import xml.etree.ElementTree as ET  # nosec B405  # only writes XML; reading goes through defusedxml
from dataclasses import dataclass, field

import reversion
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as parse_xml
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from core.html import clean_body
from core.languages import localized, native_name, text_fingerprint

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
# The category of this portal's metadata groups in a file.
META_CATEGORY = "korea-portal"
# The largest file an import reads.
MAX_FILE_SIZE = 2 * 1024 * 1024
# Fields whose text is HTML.
HTML_FIELDS = {"body"}

ET.register_namespace("", XLIFF_NS)
ET.register_namespace("mda", MDA_NS)


def xliff(tag):
    return f"{{{XLIFF_NS}}}{tag}"


def mda(tag):
    return f"{{{MDA_NS}}}{tag}"


def bcp47(language):
    """The language tag XLIFF writes: ``zh-hans`` is ``zh-Hans``."""
    parts = language.split("-")
    return "-".join([parts[0], *(part.title() if len(part) == 4 else part.upper() for part in parts[1:])])


def translatable_fields(model):
    """The fields of ``model`` translated with modeltranslation, in the model's order."""
    translated = translator.get_options_for_model(model).fields
    return [field.name for field in model._meta.fields if field.name in translated]


def target_languages():
    """(code, name) of every language an article is translated into."""
    return [(code, native_name(code)) for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def file_id(article):
    opts = article._meta
    return f"{opts.app_label}.{opts.model_name}.{article.pk}"


def metadata(parent, **values):
    group = ET.SubElement(ET.SubElement(parent, mda("metadata")), mda("metaGroup"), category=META_CATEGORY)
    for name, value in values.items():
        ET.SubElement(group, mda("meta"), type=name.replace("_", "-")).text = str(value)


def export_xliff(articles, language):
    """Return the XLIFF 2.0 document (bytes) of ``articles`` for translation from English into ``language``."""
    root = ET.Element(
        xliff("xliff"), {"version": "2.0", "srcLang": bcp47(settings.LANGUAGE_CODE), "trgLang": bcp47(language)}
    )
    for article in articles:
        opts = article._meta
        element = ET.SubElement(root, xliff("file"), id=file_id(article), original=article.get_absolute_url())
        metadata(element, app_label=opts.app_label, model=opts.model_name, pk=article.pk)
        notes = ET.SubElement(element, xliff("notes"))
        ET.SubElement(notes, xliff("note"), category="title").text = str(article)
        for name in translatable_fields(type(article)):
            source = getattr(article, localized(name, settings.LANGUAGE_CODE)) or ""
            target = getattr(article, localized(name, language)) or ""
            unit = ET.SubElement(element, xliff("unit"), id=name, name=name)
            metadata(
                unit, source_fingerprint=text_fingerprint(source), format="html" if name in HTML_FIELDS else "text"
            )
            unit_notes = ET.SubElement(unit, xliff("notes"))
            note = str(capfirst(opts.get_field(localized(name, settings.LANGUAGE_CODE)).translated_field.verbose_name))
            ET.SubElement(unit_notes, xliff("note"), category="field").text = note
            if name in HTML_FIELDS:
                ET.SubElement(
                    unit_notes, xliff("note"), category="format"
                ).text = "HTML: keep the tags, translate the text between them."
            segment = ET.SubElement(unit, xliff("segment"), state="translated" if target else "initial")
            ET.SubElement(segment, xliff("source")).text = source
            if target:
                ET.SubElement(segment, xliff("target")).text = target
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def export_filename(articles, language):
    if len(articles) == 1:
        return f"{file_id(articles[0])}.{language}.xlf"
    return f"articles.{language}.xlf"


def meta_values(element):
    """The portal's metadata of a ``<file>`` or ``<unit>``: {type: text}."""
    values = {}
    for group in element.findall(f"{mda('metadata')}/{mda('metaGroup')}"):
        if group.get("category") == META_CATEGORY:
            for meta in group.findall(mda("meta")):
                values[meta.get("type")] = (meta.text or "").strip()
    return values


@dataclass
class ImportResult:
    """What an import found: errors (field label or None: messages), the values to apply, the fields changed since."""

    errors: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    stale: list = field(default_factory=list)
    skipped: list = field(default_factory=list)

    def error(self, message, where=None):
        self.errors.setdefault(where, []).append(message)

    @property
    def ok(self):
        return not self.errors


def describe_article(model_label, pk):
    """Name the article a foreign file was made for, as far as it can be found."""
    from django.apps import apps

    try:
        model = apps.get_model(model_label)
        article = model._default_manager.filter(pk=pk).first()
    except (LookupError, ValueError):
        article = None
    if article is None:
        return gettext("%(kind)s #%(pk)s") % {"kind": model_label, "pk": pk}
    return gettext("%(kind)s #%(pk)s “%(title)s”") % {
        "kind": capfirst(article._meta.verbose_name),
        "pk": pk,
        "title": article,
    }


def read_xliff(data, article, language):
    """Check an uploaded file against ``article`` and ``language``; return an ImportResult."""
    result = ImportResult()
    if len(data) > MAX_FILE_SIZE:
        result.error(gettext("The file is larger than %(size)s MB.") % {"size": MAX_FILE_SIZE // (1024 * 1024)})
        return result
    try:
        root = parse_xml(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        result.error(gettext("The file declares a DTD or entities: such files are refused, for safety."))
        return result
    except ParseError as error:
        result.error(gettext("The file is not well-formed XML: %(error)s.") % {"error": error})
        return result
    if root.tag != xliff("xliff") or root.get("version") != "2.0":
        result.error(
            gettext("The file is not an XLIFF 2.0 document (namespace %(namespace)s).") % {"namespace": XLIFF_NS}
        )
        return result
    if (root.get("srcLang") or "").lower() != settings.LANGUAGE_CODE:
        result.error(gettext("The file does not translate from English."))
    if (root.get("trgLang") or "").lower() != language:
        result.error(
            gettext("The file translates into “%(found)s”, not into %(language)s.")
            % {"found": root.get("trgLang") or "", "language": native_name(language)}
        )
    opts = article._meta
    wanted = {"app-label": opts.app_label, "model": opts.model_name, "pk": str(article.pk)}
    files = root.findall(xliff("file"))
    own = [element for element in files if meta_values(element) == {**meta_values(element), **wanted}]
    if not own:
        others = [meta_values(element) for element in files]
        named = [
            describe_article(f"{values.get('app-label')}.{values.get('model')}", values.get("pk"))
            for values in others
            if values.get("pk")
        ]
        if named:
            result.error(
                gettext("This file was exported for another article (%(others)s), not for this one.")
                % {"others": ", ".join(named)}
            )
        else:
            result.error(gettext("The file does not say which article it was exported for."))
        return result
    if result.errors:
        return result
    read_units(own[0], article, language, result)
    return result


def read_units(element, article, language, result):
    model = type(article)
    names = translatable_fields(model)
    seen = set()
    for unit in element.iter(xliff("unit")):
        name = unit.get("id")
        label = str(capfirst(model._meta.get_field(name).verbose_name)) if name in names else name
        if name not in names:
            result.error(gettext("“%(name)s” is not a translatable field of this article.") % {"name": name})
            continue
        if name in seen:
            result.error(gettext("The field appears twice in the file."), label)
            continue
        seen.add(name)
        segments = unit.findall(xliff("segment"))
        if len(segments) != 1:
            result.error(gettext("Each field must be one segment."), label)
            continue
        target = segments[0].find(xliff("target"))
        if target is None or not (target.text or "").strip() and not len(target):
            result.skipped.append(label)
            continue
        if len(target):
            result.error(
                gettext("The translation holds XLIFF inline codes; write the text (and any HTML) as plain text."),
                label,
            )
            continue
        value = target.text.strip()
        source = getattr(article, localized(name, settings.LANGUAGE_CODE)) or ""
        if meta_values(unit).get("source-fingerprint") != text_fingerprint(source):
            result.stale.append(label)
        if name in HTML_FIELDS:
            value = clean_body(value)
        column = localized(name, language)
        try:
            value = model._meta.get_field(column).clean(value, article)
        except ValidationError as error:
            for message in error.messages:
                result.error(message, label)
            continue
        result.values[column] = value


def apply_translation(article, language, result, *, user, confirmed_stale=False):
    """
    Write the imported texts into ``article`` in one transaction, recorded as one revision; return the article.

    The language's outdated mark is cleared (its translation was made from
    the English text as it stands) unless the editor confirmed fields whose
    English changed since the export: then the language stays outdated.
    """
    with transaction.atomic(), reversion.create_revision():
        for column, value in result.values.items():
            setattr(article, column, value)
        article.track_translations()
        entry = article.translation_sources.get(language)
        if entry and "text" in entry:
            english = article.translation_sources.get(settings.LANGUAGE_CODE, {}).get("text")
            entry["source"] = f"older-than-{english}" if result.stale and confirmed_stale else english
        article.save()
        reversion.set_user(user)
        reversion.set_comment(
            gettext("Translation into %(language)s imported from a file") % {"language": native_name(language)}
        )
    return article


class ExportForm(forms.Form):
    language = forms.ChoiceField(label=_("Target language"), choices=target_languages)


class ImportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the translation"), choices=target_languages)
    file = forms.FileField(label=_("XLIFF file"), help_text=_("The file exported for this article, translated."))
    confirm_stale = forms.BooleanField(
        label=_("Import the fields whose English text changed since the export anyway"),
        required=False,
        help_text=_("The language then stays marked outdated, to be checked against the new English text."),
    )


class TranslationFilesAdminMixin:
    """Export and import of translation files for an article admin, from its change page and its list."""

    change_form_template = "admin/translation_files/change_form.html"

    def get_urls(self):
        opts = self.model._meta
        prefix = f"{opts.app_label}_{opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/translation/export/",
                view(self.translation_export_view),
                name=f"{prefix}_translation_export",
            ),
            path(
                "<path:object_id>/translation/import/",
                view(self.translation_import_view),
                name=f"{prefix}_translation_import",
            ),
            *super().get_urls(),
        ]

    def translation_article(self, request, object_id, permission):
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404
        if not permission(request, article):
            raise PermissionDenied
        return article

    def xliff_response(self, articles, language):
        response = HttpResponse(export_xliff(articles, language), content_type="application/xliff+xml; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{export_filename(articles, language)}"'
        return response

    def translation_context(self, request, article, title, **extra):
        opts = self.model._meta
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": str(article) if article else None,
            "opts": opts,
            "object": article,
            "object_id": quote(article.pk) if article else None,
            **extra,
        }

    def translation_export_view(self, request, object_id):
        article = self.translation_article(request, object_id, self.has_view_or_change_permission)
        form = ExportForm(request.GET or None)
        if form.is_valid():
            return self.xliff_response([article], form.cleaned_data["language"])
        context = self.translation_context(request, article, _("Export for translators"), form=form)
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/translation_files/export.html", context)

    def translation_import_view(self, request, object_id):
        article = self.translation_article(request, object_id, self.has_change_permission)
        opts = self.model._meta
        result = None
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            language = form.cleaned_data["language"]
            result = read_xliff(form.cleaned_data["file"].read(), article, language)
            confirmed = form.cleaned_data["confirm_stale"]
            if result.ok and result.stale and not confirmed:
                for label in result.stale:
                    result.error(gettext("The English text changed since the file was exported."), label)
                result.error(
                    gettext(
                        "The English text of %(fields)s changed since the file was exported. "
                        "Export the file again, or confirm below that those fields are to be imported anyway."
                    )
                    % {"fields": ", ".join(result.stale)}
                )
            if result.ok and not result.values:
                result.error(gettext("The file has no translation to import."))
            if result.ok:
                self.keep_first_revision(request, [article])
                apply_translation(article, language, result, user=request.user, confirmed_stale=confirmed)
                messages.success(
                    request,
                    gettext("The %(language)s translation is imported: %(fields)s.")
                    % {
                        "language": native_name(language),
                        "fields": ", ".join(
                            str(capfirst(opts.get_field(column).translated_field.verbose_name))
                            for column in result.values
                        ),
                    },
                )
                return HttpResponseRedirect(
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(article.pk)])
                )
        context = self.translation_context(
            request,
            article,
            _("Import a translation"),
            form=form,
            result=result,
            field_errors=[(where, errors) for where, errors in (result.errors.items() if result else []) if where],
            file_errors=(result.errors.get(None, []) if result else []),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/translation_files/import.html", context)

    @admin.action(description=_("Export the selected articles for translators (XLIFF)"), permissions=["view"])
    def export_for_translation(self, request, queryset):
        """The list action: choose the target language, then download one file for every selected article."""
        form = ExportForm(request.POST if "language" in request.POST else None)
        if form.is_valid():
            return self.xliff_response(list(queryset), form.cleaned_data["language"])
        context = self.translation_context(
            request,
            None,
            _("Export for translators"),
            form=form,
            articles=queryset,
            action_checkbox_name="_selected_action",
            select_across=request.POST.get("select_across"),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/translation_files/export_selected.html", context)
