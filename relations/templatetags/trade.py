"""Template filters for trade figures: ``{{ figure.total|usd }}``, ``{{ figure.total|bounded_usd:figure.bound }}``."""

from django import template

from relations import formats

register = template.Library()

register.filter("usd", formats.usd)
register.filter("bounded_usd", formats.bounded_usd)
register.filter("percent", formats.percent)
