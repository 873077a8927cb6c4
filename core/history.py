"""
Revisions of what editors write (django-reversion): history, comparison, restore and recovery in the admin.

``RevisionAdminMixin`` goes before the admin's base class. Every save
through the admin (the change form, the list's editable columns, every
list action, a restore, a deletion) records a revision: who, when and a
comment (the editor's own, else the admin's summary of the change). An
admin's inlines are followed, so a partner's revision holds its summits
and trade figures. The history page lists the revisions and compares any
two of them field by field and language by language; a revision is
restored, and a deleted object recovered, only through a confirmation page
of the portal's own (never reversion's pre-filled change form, which could
publish in passing): ``prepare_restored()`` lets an admin make the result
a draft.

Saves that bypass the admin (the shell, ``load_demo``) record no revision
unless wrapped in ``reversion.create_revision()``; a deletion through the
admin records one first, so that whatever is deleted there can be recovered.
"""

import html
import re
from difflib import SequenceMatcher
from functools import wraps

import reversion
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connections, models, router, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.text import capfirst
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version

from .languages import language_codes, native_name

# The name of the change form's optional comment on the revision it records.
COMMENT_FIELD = "revision_comment"

# A token of a text diff: one CJK character (those languages write no spaces), a word, a run of spaces, a sign.
TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|\w+|\s+|[^\w\s]")
# The tags after which a body's text goes on on a new line.
BLOCK_END = re.compile(r"(?i)</(?:p|h[1-6]|li|blockquote|ul|ol)\s*>|<br\s*/?>")


def html_to_text(value):
    """The text a reader sees of some HTML, one line a block, entities decoded."""
    text = html.unescape(strip_tags(BLOCK_END.sub("\n", value or "")))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def inline_diff(old, new):
    """Return the HTML of ``new`` against ``old``, word by word: removed text in ``<del>``, added in ``<ins>``."""
    before, after = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    parts = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(format_html("{}", "".join(before[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", "".join(before[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", "".join(after[j1:j2])))
    # Each part is already escaped (format_html): joined as they are.
    return format_html_join("", "{}", ((part,) for part in parts))


def revision_label(revision):
    """A revision as the editor knows it: its date in the admin's time zone."""
    return localize(template_localtime(revision.date_created))


def revision_comment_field():
    """The change form's optional comment on the revision its save records."""
    return forms.CharField(
        label=_("Comment on this revision"),
        required=False,
        max_length=500,
        help_text=_("Optional: why you changed it. The history of the page shows it beside the date."),
    )


class DisplayField:
    """One field compared between two revisions: its label, its language, and how a value of it reads."""

    def __init__(self, field, language=None, html_field=False):
        self.field, self.language, self.html_field = field, language, html_field
        self.name = field.attname if not field.many_to_many else field.name

    @property
    def label(self):
        return capfirst(self.field.verbose_name)

    def display(self, value):
        """The value as an editor reads it."""
        field = self.field
        if value is None or value == "" or value == []:
            return ""
        if field.many_to_many:
            objects = field.related_model._base_manager.filter(pk__in=value)
            return ", ".join(sorted(str(obj) for obj in objects))
        if field.is_relation:
            obj = field.related_model._base_manager.filter(pk=value).first()
            return str(obj) if obj is not None else gettext("#%(pk)s (deleted)") % {"pk": value}
        if field.flatchoices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return gettext("Yes") if value else gettext("No")
        if isinstance(field, models.DateTimeField):
            return localize(template_localtime(value))
        if self.html_field:
            return html_to_text(value)
        return localize(value) if not isinstance(value, str) else value

    def compare(self, old, new):
        """A row of the comparison, or None where the values are equal."""
        old_value, new_value = old.get(self.name), new.get(self.name)
        if self.field.many_to_many:
            old_value, new_value = sorted(old_value or []), sorted(new_value or [])
        if (old_value or None) == (new_value or None):
            return None
        old_text, new_text = self.display(old_value), self.display(new_value)
        textual = isinstance(self.field, models.CharField | models.TextField) and not self.field.choices
        return {
            "label": self.label,
            "old": old_text,
            "new": new_text,
            "diff": inline_diff(old_text, new_text) if textual else None,
        }


def compared_fields(model, html_fields=()):
    """
    The fields of ``model`` an editor writes, grouped: (None, fields) first, then (language, fields) in each language.

    A translated field is compared column by column (``title_fr``), never
    through its language-dependent original (``title``).
    """
    try:
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()
    general, by_language = [], {code: [] for code in language_codes()}
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if not field.editable or field.primary_key or field.name in translated:
            continue
        language = getattr(field, "language", None)
        display = DisplayField(
            field, language, html_field=getattr(field, "translated_field", field).name in html_fields
        )
        if language in by_language:
            by_language[language].append(display)
        else:
            general.append(display)
    return [(None, general), *((code, fields) for code, fields in by_language.items() if fields)]


def compare_dicts(model, old, new, html_fields=()):
    """The differences between two states of a ``model`` object, as groups of rows; unchanged groups are left out."""
    groups = []
    for language, fields in compared_fields(model, html_fields):
        rows = [row for row in (field.compare(old, new) for field in fields) if row]
        if rows:
            groups.append(
                {
                    "language": language,
                    "name": native_name(language) if language else _("Every language"),
                    "direction": "rtl" if language in settings.LANGUAGES_BIDI else "ltr",
                    "rows": rows,
                }
            )
    return groups


class RevisionAdminMixin(VersionAdmin):
    """
    Revisions for an admin: recorded on every save, listed, compared, restored; deleted objects recovered.

    Only staff who may change an object see its history, compare and restore
    its revisions; recovering a deleted one needs the add permission too.
    """

    change_list_template = "admin/history/change_list.html"
    object_history_template = "admin/history/object_history.html"
    revision_compare_template = "admin/history/compare.html"
    revision_restore_template = "admin/history/restore.html"
    recover_list_template = "admin/history/recover_list.html"
    recover_form_template = "admin/history/recover.html"
    # Fields that hold HTML: they are compared as the text a reader sees.
    history_html_fields = ("body",)
    history_latest_first = True
    history_order_by_date = True

    # Recording.

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The comment is no field of the model: the form is given it on top of whatever form the admin has.
        if kwargs.get("fields"):
            kwargs["fields"] = [name for name in kwargs["fields"] if name != COMMENT_FIELD]
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {COMMENT_FIELD: revision_comment_field(), "__module__": form.__module__})

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [field for field in options["fields"] if field != COMMENT_FIELD]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        writes = self.has_add_permission(request) if obj is None else self.has_change_permission(request, obj)
        if not writes:  # a viewer's page: nothing will be saved
            return fieldsets
        return [*fieldsets, (_("Revision"), {"fields": [COMMENT_FIELD]})]

    def construct_change_message(self, request, form, formsets, add=False):
        request._revision_comment = form.cleaned_data.get(COMMENT_FIELD, "") if hasattr(form, "cleaned_data") else ""
        return super().construct_change_message(request, form, formsets, add)

    def _editor_comment(self, request, entry):
        comment = getattr(request, "_revision_comment", "")
        if reversion.is_active():
            reversion.set_comment(comment or entry.get_change_message())

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._editor_comment(request, entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._editor_comment(request, entry)
        return entry

    def keep_first_revision(self, request, objects):
        """
        Keep the objects as they stand before their first change through the admin, if no revision holds them yet.

        Content made outside the admin (``load_demo``, an import) has no
        revision: without this, its first edit would keep only the new text,
        and the text it replaced could never be seen or restored.
        """
        unrecorded = [obj for obj in objects if not Version.objects.get_for_object(obj).exists()]
        if not unrecorded:
            return
        with reversion.create_revision():
            reversion.set_comment(gettext("As it stood before its first change in the admin"))
            for obj in unrecorded:
                reversion.add_to_revision(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.has_change_permission(request, obj):
                self.keep_first_revision(request, [obj])
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        """
        The list, whose editable columns' saves keep one revision.

        Its actions are left out of that revision (VersionAdmin puts the whole
        list in one): each records its own, after the first revisions of the
        objects it changes, and a deletion's record must be saved before the
        objects go (a revision keeps only objects that still exist when it is saved).
        """
        context = {"has_change_permission": self.has_change_permission(request), **(extra_context or {})}
        if request.method == "POST" and "_save" in request.POST:
            with self.create_revision(request):
                return super(VersionAdmin, self).changelist_view(request, context)
        return super(VersionAdmin, self).changelist_view(request, context)

    def get_action(self, action):
        """
        Every list action records a revision of the objects it was run on, named after the action.

        An action that needs no more than the view permission (an export)
        changes nothing and records none, nor one marked
        ``records_revision = False``; deletion records its own (``record_deletion``).
        """
        found = super().get_action(action)
        if found is None or action == "delete_selected":
            return found
        function, name, description = found
        permissions = set(getattr(function, "allowed_permissions", ()))
        if getattr(function, "records_revision", True) is False or (permissions and permissions <= {"view"}):
            return found

        @wraps(function)
        def recorded(modeladmin, request, queryset):
            pks = list(queryset.values_list("pk", flat=True))
            self.keep_first_revision(request, self.model._default_manager.filter(pk__in=pks))
            with reversion.create_revision():
                response = function(modeladmin, request, queryset)
                reversion.set_user(request.user)
                reversion.set_comment(str(description))
                for obj in self.model._default_manager.filter(pk__in=pks):
                    reversion.add_to_revision(obj)
            return response

        return recorded, name, description

    def record_deletion(self, request, objects):
        """Record the objects as they stand before they are deleted, so that they can be recovered."""
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(gettext("Deleted"))
            for obj in objects:
                reversion.add_to_revision(obj)

    def delete_model(self, request, obj):
        self.record_deletion(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self.record_deletion(request, queryset)
        super().delete_queryset(request, queryset)

    def prepare_restored(self, obj):
        """Change a restored or recovered object before it is saved (an article becomes a draft)."""

    # Views.

    def get_urls(self):
        opts = self.model._meta
        prefix = f"{opts.app_label}_{opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("recover/", view(self.recoverlist_view), name=f"{prefix}_recoverlist"),
            path("recover/<int:version_id>/", view(self.recover_view), name=f"{prefix}_recover"),
            path("<path:object_id>/history/compare/", view(self.compare_view), name=f"{prefix}_history_compare"),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                view(self.restore_view),
                name=f"{prefix}_history_restore",
            ),
            # Skips VersionAdmin's URLs: its revert through the change form is not offered.
            *super(VersionAdmin, self).get_urls(),
        ]

    def changed_object(self, request, object_id):
        """The object whose history is asked for; 404 when there is none, 403 without the change permission."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def versions_of(self, request, obj):
        versions = Version.objects.get_for_object(obj).select_related("revision", "revision__user")
        return self._reversion_order_version_queryset(request, versions)

    def history_context(self, request, obj, title, **extra):
        opts = self.model._meta
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": str(obj),
            "opts": opts,
            "object": obj,
            "object_id": quote(obj.pk),
            "history_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[quote(obj.pk)]),
            **extra,
        }

    def history_view(self, request, object_id, extra_context=None):
        obj = self.changed_object(request, object_id)
        opts = self.model._meta
        versions = list(self.versions_of(request, obj))
        rows = [
            {
                "version": version,
                "revision": version.revision,
                "label": revision_label(version.revision),
                "restore_url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_history_restore", args=[quote(obj.pk), version.pk]
                ),
            }
            for version in versions
        ]
        context = self.history_context(
            request,
            obj,
            _("History: %(name)s") % {"name": obj},
            rows=rows,
            compare_url=reverse(f"admin:{opts.app_label}_{opts.model_name}_history_compare", args=[quote(obj.pk)]),
            **(extra_context or {}),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    def followed_versions(self, version):
        """The versions, in ``version``'s revision, of the inline objects that belong to its object."""
        keys = self.inline_keys()
        found = []
        for other in version.revision.version_set.exclude(pk=version.pk).select_related("content_type"):
            attname = keys.get(other.content_type.model_class())
            if attname and str(other.field_dict.get(attname)) == version.object_id:
                found.append(other)
        return found

    def inline_keys(self):
        """{inline model: the attribute of its foreign key to this admin's model}."""
        keys = {}
        for inline in self.inlines:
            for field in inline.model._meta.concrete_fields:
                if field.is_relation and field.many_to_one and field.related_model is self.model:
                    keys[inline.model] = field.attname
                    break
        return keys

    def compare_versions(self, old, new):
        """The groups of differences between two versions of one object, and of its inline objects."""
        groups = compare_dicts(self.model, old.field_dict, new.field_dict, self.history_html_fields)
        old_inlines = {(v.content_type_id, v.object_id): v for v in self.followed_versions(old)}
        new_inlines = {(v.content_type_id, v.object_id): v for v in self.followed_versions(new)}
        inlines = []
        for key in sorted({*old_inlines, *new_inlines}):
            before, after = old_inlines.get(key), new_inlines.get(key)
            model = (before or after)._model
            inline_groups = compare_dicts(
                model, before.field_dict if before else {}, after.field_dict if after else {}, self.history_html_fields
            )
            if not inline_groups:
                continue
            if before is None:
                change = _("added")
            elif after is None:
                change = _("removed")
            else:
                change = _("changed")
            inlines.append(
                {
                    "kind": capfirst(model._meta.verbose_name),
                    "name": (after or before).object_repr,
                    "change": change,
                    "groups": inline_groups,
                }
            )
        return groups, inlines

    def compare_view(self, request, object_id):
        obj = self.changed_object(request, object_id)
        versions = self.versions_of(request, obj)
        wanted = [request.GET.get("from"), request.GET.get("to")]
        if not all(value and value.isdigit() for value in wanted):
            listed = list(versions[:2])
            if len(listed) < 2:
                messages.info(request, _("There is only one revision: nothing to compare yet."))
                return HttpResponseRedirect(
                    reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[quote(obj.pk)])
                )
            wanted = [listed[1].pk, listed[0].pk]
        old = get_object_or_404(versions, pk=wanted[0])
        new = get_object_or_404(versions, pk=wanted[1])
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        groups, inlines = self.compare_versions(old, new)
        context = self.history_context(
            request,
            obj,
            _("Compare revisions: %(name)s") % {"name": obj},
            old=old,
            new=new,
            old_label=revision_label(old.revision),
            new_label=revision_label(new.revision),
            groups=groups,
            inlines=inlines,
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.revision_compare_template, context)

    def current_version_dict(self, obj):
        """The object as it stands, in the form of a version's ``field_dict``."""
        data = {}
        for field in obj._meta.concrete_fields:
            data[field.attname] = getattr(obj, field.attname)
        for field in obj._meta.many_to_many:
            data[field.name] = list(getattr(obj, field.name).values_list("pk", flat=True))
        return data

    def put_back(self, request, version, comment):
        """
        Put the object of ``version`` (and its inline objects) back as it was, in one transaction, and record it.

        Inline objects added since are deleted; ``prepare_restored()`` then
        changes the object (an article becomes a draft) and it is saved as
        any edit is, with its search documents and translation record.
        Return the object, or raise ValidationError with the reason it cannot be.
        """
        restored = version._object_version.object
        # A deserialized object counts as new: an object that still exists must not clash with itself.
        restored._state.adding = not self.model._default_manager.filter(pk=restored.pk).exists()
        try:
            restored.validate_unique()
        except ValidationError as error:
            raise ValidationError(
                [message for messages_ in error.message_dict.values() for message in messages_]
            ) from error
        followed = self.followed_versions(version)
        try:
            with transaction.atomic(), reversion.create_revision():
                for inline_model, attname in self.inline_keys().items():
                    kept = [other.object_id for other in followed if other._model is inline_model]
                    stale = inline_model._default_manager.filter(**{attname: version.object_id}).exclude(pk__in=kept)
                    for item in stale:
                        item.delete()
                version.revert()
                for other in followed:
                    other.revert()
                # A revision may name an object deleted since (a summit's photo): the database refuses it here,
                # not at the request's commit (PostgreSQL defers foreign keys) where it would be a 500.
                tables = [self.model._meta.db_table, *(model._meta.db_table for model in self.inline_keys())]
                connections[router.db_for_write(self.model)].check_constraints(table_names=tables)
                obj = self.model._default_manager.get(pk=restored.pk)
                self.prepare_restored(obj)
                obj.save()
                reversion.set_user(request.user)
                reversion.set_comment(comment)
        except (IntegrityError, RevertError, models.ProtectedError) as error:
            raise ValidationError(
                gettext("This revision cannot be put back: %(reason)s") % {"reason": error}
            ) from error
        return obj

    def restore_view(self, request, object_id, version_id):
        obj = self.changed_object(request, object_id)
        version = get_object_or_404(self.versions_of(request, obj), pk=version_id)
        label = revision_label(version.revision)
        opts = self.model._meta
        if request.method == "POST":
            try:
                restored = self.put_back(
                    request, version, gettext("Restored from the revision of %(date)s") % {"date": label}
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, self.restored_message(restored, label))
                return HttpResponseRedirect(
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(restored.pk)])
                )
        groups, inlines = self.compare_versions_to_current(obj, version)
        context = self.history_context(
            request,
            obj,
            _("Restore a revision: %(name)s") % {"name": obj},
            version=version,
            revision_label=label,
            groups=groups,
            inlines=inlines,
            restores_as_draft=hasattr(obj, "status"),
        )
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.revision_restore_template, context)

    def compare_versions_to_current(self, obj, version):
        """What restoring ``version`` changes in ``obj`` as it stands (its own fields)."""
        return compare_dicts(
            self.model, self.current_version_dict(obj), version.field_dict, self.history_html_fields
        ), []

    def restored_message(self, obj, label):
        if hasattr(obj, "status"):
            return gettext("The revision of %(date)s is restored as a draft: publish it when it is ready.") % {
                "date": label
            }
        return gettext("The revision of %(date)s is restored.") % {"date": label}

    def check_recover_permission(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied

    def recoverlist_view(self, request, extra_context=None):
        self.check_recover_permission(request)
        opts = self.model._meta
        deleted = self._reversion_order_version_queryset(
            request, Version.objects.get_deleted(self.model).select_related("revision", "revision__user")
        )
        rows = [
            {
                "version": version,
                "label": revision_label(version.revision),
                "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_recover", args=[version.pk]),
            }
            for version in deleted
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Recover deleted %(name)s") % {"name": opts.verbose_name_plural},
            "opts": opts,
            "rows": rows,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.recover_list_template, context)

    def recover_view(self, request, version_id, extra_context=None):
        self.check_recover_permission(request)
        version = get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        label = revision_label(version.revision)
        opts = self.model._meta
        if request.method == "POST":
            try:
                recovered = self.put_back(
                    request, version, gettext("Recovered from the revision of %(date)s") % {"date": label}
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
            else:
                messages.success(request, self.restored_message(recovered, label))
                return HttpResponseRedirect(
                    reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(recovered.pk)])
                )
        groups = compare_dicts(self.model, {}, version.field_dict, self.history_html_fields)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Recover %(name)s") % {"name": version.object_repr},
            "opts": opts,
            "version": version,
            "revision_label": label,
            "groups": groups,
            "restores_as_draft": any(field.name == "status" for field in self.model._meta.fields),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.recover_form_template, context)
