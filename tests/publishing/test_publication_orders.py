"""Order Publications: the catalogue, the order form (validated server-side, CSRF-protected), the
stored order with its lines and reference, and the staff's list in the admin."""

from __future__ import annotations

import re

import pytest
from django.db import DatabaseError, connection
from django.test import Client
from django.urls import reverse
from order_form import catalogue, order_data

from landmine_monitor.database.countries.models import Country
from landmine_monitor.publishing.forms import NO_PUBLICATION
from landmine_monitor.publishing.models import (
    OrderStatus,
    PublicationOrder,
    PublicationOrderLine,
)
from landmine_monitor.publishing.services import REPORT_1999_TITLE

pytestmark = pytest.mark.django_db

ORDER_URL = "/order-publications/"
REFERENCE = re.compile(r"LM-\d{4}-\d{6}")


def place(client, **changes):
    response = client.post(ORDER_URL, order_data(**changes))
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_the_catalogue_lists_the_1999_report_in_print_and_pdf(client, publishing):
    book, pdf = catalogue()
    assert book.edition.year == 1999 and book.pages == 1100 and pdf.edition.year == 1999
    html = client.get(ORDER_URL).content.decode()
    assert html.count(REPORT_1999_TITLE) >= 2
    assert "Print · 1999 · 1,100 pages · Free" in html and "PDF · 1999" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'name="quantity_{book.pk}"' in html and f'name="quantity_{pdf.pk}"' in html
    assert ">Choose a country</option>" in html
    assert ">Switzerland</option>" in html and ">Yugoslavia</option>" not in html  # no former states


def test_placing_an_order_stores_it_with_its_lines_and_shows_the_reference(client, publishing):
    response = place(client)
    order = PublicationOrder.objects.get()
    assert REFERENCE.fullmatch(order.reference)
    assert order.reference == f"LM-{order.created_at.year}-{order.pk:06d}"
    assert response["Location"] == f"{ORDER_URL}confirmation/{order.reference}/"
    assert (order.name, order.email, order.country.iso3, order.status) == (
        "Ana Example",
        "ana@example.org",
        "CHE",
        OrderStatus.RECEIVED,
    )
    assert order.postal_address == "1 Example Street\n1200 Geneva"
    book, pdf = catalogue()
    assert {(line.publication, line.quantity, line.format) for line in order.lines.all()} == {
        (book, 2, "print"),
        (pdf, 1, "pdf"),
    }

    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert order.reference in html
    assert f"2 × {REPORT_1999_TITLE} (Print)" in html and "Switzerland" in html


def test_an_invalid_order_shows_field_errors_keeps_the_input_and_stores_nothing(client, publishing):
    book, pdf = catalogue()
    response = client.post(
        ORDER_URL, order_data(email="", **{f"quantity_{book.pk}": "0", f"quantity_{pdf.pk}": ""})
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_email_error"' in html and "This field is required." in html
    assert 'aria-invalid="true"' in html
    assert NO_PUBLICATION in html and 'id="publications-error"' in html
    assert 'value="Ana Example"' in html and "1 Example Street\n1200 Geneva</textarea>" in html
    assert f'value="{Country.objects.get(iso3="CHE").pk}" selected' in html
    assert PublicationOrder.objects.count() == 0 and PublicationOrderLine.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-address", "Enter a valid email address."),
        ("quantity", "-1", "greater than or equal to 0"),
        ("quantity", "500", "less than or equal to 25"),
        ("quantity", "two", "Enter a whole number."),
        ("country", "999999", "Select a valid choice"),
        ("name", "", "This field is required."),
    ],
)
def test_each_field_is_checked(client, publishing, field, value, message):
    book, _ = catalogue()
    name = f"quantity_{book.pk}" if field == "quantity" else field
    response = client.post(ORDER_URL, order_data(**{name: value}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PublicationOrder.objects.exists()


def test_the_form_needs_its_csrf_token(publishing):
    client = Client(enforce_csrf_checks=True)
    assert client.post(ORDER_URL, order_data()).status_code == 403
    assert not PublicationOrder.objects.exists()


@pytest.fixture
def lines_refused(db):
    """A database that refuses to store order lines, as a full disk or a lost connection would,
    after it stored the order itself."""
    table = PublicationOrderLine._meta.db_table
    postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgresql:
            cursor.execute(
                "CREATE FUNCTION refuse_lines() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'disk full'; END; $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER refuse_lines BEFORE INSERT ON {table} EXECUTE FUNCTION refuse_lines()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER refuse_lines BEFORE INSERT ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
            )
    yield
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER refuse_lines" + (f" ON {table}" if postgresql else ""))
        if postgresql:
            cursor.execute("DROP FUNCTION refuse_lines()")


def test_the_order_and_its_lines_are_saved_in_one_transaction(client, publishing, lines_refused):
    with pytest.raises(DatabaseError, match="disk full"):
        client.post(ORDER_URL, order_data())
    assert not PublicationOrder.objects.exists()


def test_an_order_is_saved_with_its_lines(client, publishing):
    place(client)
    assert PublicationOrder.objects.get().lines.count() == 2


def test_a_publication_no_longer_available_is_listed_but_cannot_be_ordered(client, publishing):
    book, pdf = catalogue()
    book.available = False
    book.save()
    html = client.get(ORDER_URL).content.decode()
    assert "no longer available" in html and f'name="quantity_{book.pk}"' not in html
    place(client, **{f"quantity_{book.pk}": "3"})  # a stale form: the withdrawn line is ignored
    assert [line.publication for line in PublicationOrder.objects.get().lines.all()] == [pdf]


def test_only_the_session_that_placed_an_order_sees_its_confirmation(client, publishing):
    location = place(client)["Location"]
    assert client.get(location).status_code == 200
    assert Client().get(location).status_code == 404  # another reader, same (guessable) reference
    other = Client()
    other_location = place(other, name="Someone Else")["Location"]
    assert client.get(other_location).status_code == 404
    assert b"Someone Else" not in client.get(location).content


def test_staff_list_orders_in_the_admin_and_customers_cannot(client, admin_client, publishing):
    place(client)
    order = PublicationOrder.objects.get()
    index = reverse("wagtailsnippets_publishing_publicationorder:list")
    assert client.get(index).status_code == 302  # to the admin's login
    assert "/admin/login/" in client.get(index)["Location"]

    html = admin_client.get(index).content.decode()
    assert order.reference in html and "Ana Example" in html and "Received" in html
    assert f"2 × {REPORT_1999_TITLE} (Print)" in html
    assert order.reference in admin_client.get(index, {"q": "Ana Ex"}).content.decode()
    assert order.reference not in admin_client.get(index, {"q": "Nobody"}).content.decode()
    assert order.reference in admin_client.get(index, {"status": "received"}).content.decode()
    assert order.reference not in admin_client.get(index, {"status": "sent"}).content.decode()

    inspect = admin_client.get(
        reverse("wagtailsnippets_publishing_publicationorder:inspect", args=[order.pk])
    )
    assert inspect.status_code == 200 and b"1 Example Street" in inspect.content


def test_staff_change_the_status_but_not_the_customer_data_and_never_add_or_delete(
    admin_client, client, publishing
):
    place(client)
    order = PublicationOrder.objects.get()
    edit = reverse("wagtailsnippets_publishing_publicationorder:edit", args=[order.pk])
    page = admin_client.get(edit)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ana Example" in html and 'name="name"' not in html  # shown, not editable
    assert f"{REPORT_1999_TITLE}" in html

    response = admin_client.post(edit, {"status": "sent", "staff_note": "Posted", "name": "Changed"})
    assert response.status_code == 302
    order.refresh_from_db()
    assert (order.status, order.staff_note, order.name) == ("sent", "Posted", "Ana Example")

    add = admin_client.get(reverse("wagtailsnippets_publishing_publicationorder:add"))
    assert add.status_code in (302, 403)
    delete = reverse("wagtailsnippets_publishing_publicationorder:delete", args=[order.pk])
    assert admin_client.post(delete).status_code in (302, 403)
    assert PublicationOrder.objects.filter(pk=order.pk).exists()


def test_staff_manage_the_catalogue_in_the_admin(admin_client, publishing):
    html = admin_client.get(reverse("wagtailsnippets_publishing_publication:list")).content.decode()
    assert html.count(REPORT_1999_TITLE) >= 2
    assert admin_client.get(reverse("wagtailsnippets_publishing_publication:add")).status_code == 200
