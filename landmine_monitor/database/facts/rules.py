"""What makes a fact well formed."""

from __future__ import annotations

from .models import Fact, ValueStatus, ValueType

# The field that carries the value, by the indicator's value type.
VALUE_FIELDS = {
    ValueType.QUANTITY: ("quantity",),
    ValueType.RANGE: ("quantity", "quantity_upper"),
    ValueType.TEXT: ("text",),
    ValueType.DATE: ("date_value",),
    ValueType.BOOLEAN: ("boolean",),
}
# A number may also be given as a range ("10–20 casualties").
OPTIONAL_FIELDS = {ValueType.QUANTITY: ("quantity_upper",)}
ALL_VALUE_FIELDS = ("quantity", "quantity_upper", "text", "date_value", "boolean")


def _empty(fact: Fact, name: str) -> bool:
    value = getattr(fact, name)
    return value is None or value == ""


def check_fact(fact: Fact) -> dict[str, str]:
    """What is wrong with `fact`, by field; empty when it is well formed."""
    errors: dict[str, str] = {}
    if fact.indicator_id is None:
        return errors
    wanted = VALUE_FIELDS[fact.indicator.value_type]
    if fact.value_status == ValueStatus.VALUE:
        for name in wanted:
            if _empty(fact, name):
                errors[name] = (
                    f"{fact.indicator.name} takes a {fact.indicator.get_value_type_display().lower()}: "
                    "give it, or mark the value unknown or none."
                )
        if fact.quantity_upper is not None and fact.quantity is not None and not errors:
            if fact.quantity_upper < fact.quantity:
                errors["quantity_upper"] = "The upper end of the range is below the lower end."
    allowed = wanted + OPTIONAL_FIELDS.get(fact.indicator.value_type, ())
    for name in ALL_VALUE_FIELDS:
        if (fact.value_status != ValueStatus.VALUE or name not in allowed) and not _empty(fact, name):
            errors[name] = (
                "This fact's value is marked unknown or none; leave this empty."
                if fact.value_status != ValueStatus.VALUE
                else f"{fact.indicator.name} does not take this kind of value."
            )
    if fact.point_in_time and (fact.period_start or fact.period_end):
        errors["point_in_time"] = "A fact holds for a point in time or for a period, not both."
    if fact.period_start and fact.period_end and fact.period_end < fact.period_start:
        errors["period_end"] = "The period ends before it starts."
    return errors
