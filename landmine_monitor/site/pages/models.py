"""The public site's pages, edited in Wagtail."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.text import slugify
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from landmine_monitor.database.treaties.selectors import where_states_stand


class HomePage(Page):
    """The front page: what the Monitor is, and where states stand today, computed live."""

    intro = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treaty_figures"] = where_states_stand(datetime.date.today())
        return context


# Rich text in content pages: what prose needs, and nothing that would let a page drift from the
# site's look (no headings inside paragraphs, no embeds).
INLINE_FEATURES = ["bold", "italic", "link", "code"]
PARAGRAPH_FEATURES = [*INLINE_FEATURES, "superscript", "subscript"]


class ItemsBlock(blocks.StructBlock):
    ordered = blocks.BooleanBlock(required=False, help_text="Numbered, for steps that follow each other.")
    items = blocks.ListBlock(blocks.RichTextBlock(features=INLINE_FEATURES))

    class Meta:
        icon = "list-ul"
        label = "List"
        template = "pages/blocks/list.html"


class DefinitionBlock(blocks.StructBlock):
    term = blocks.CharBlock()
    meaning = blocks.RichTextBlock(features=INLINE_FEATURES)


class TreatyFiguresBlock(blocks.StaticBlock):
    """Where states stand towards each treaty today, computed from the database when the page is
    shown (never typed): see ContentPage.get_context. The home page shows the same template."""

    class Meta:
        icon = "table"
        label = "Treaty status today (computed)"
        admin_text = (
            "Shows, for each treaty, how many states are party to it today, computed from the database."
        )
        template = "pages/blocks/treaty_figures.html"


class ContentBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        icon="title",
        form_classname="title",
        template="pages/blocks/heading.html",
        help_text="A section heading; headings make the page's table of contents.",
    )
    subheading = blocks.CharBlock(
        icon="title", template="pages/blocks/subheading.html", help_text="A heading within a section."
    )
    paragraph = blocks.RichTextBlock(features=PARAGRAPH_FEATURES, icon="pilcrow")
    list = ItemsBlock()
    definitions = blocks.ListBlock(
        DefinitionBlock(),
        icon="list-ol",
        label="Terms and meanings",
        template="pages/blocks/definitions.html",
        help_text="Terms and what they mean: a glossary, the sections of a report, kinds of sources.",
    )
    example = blocks.TextBlock(
        icon="code",
        template="pages/blocks/example.html",
        help_text="Shown as written, in a fixed-width font: a sample of a file or a footnote.",
    )
    treaty_figures = TreatyFiguresBlock()


class ContentPage(Page):
    """A page of the public site written by the Monitor's staff: About Us, The Issues, Our Research
    Products, Resources for Monitor Researchers, and any page an editor adds beside or below them."""

    intro = models.TextField(blank=True, help_text="The page's lead paragraph, in plain text.")
    body = StreamField(ContentBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["pages.HomePage", "pages.ContentPage"]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    def blocks_with_anchors(self) -> list[tuple[object, str]]:
        """Each body block with the anchor of its heading ("" for other blocks); anchors are
        unique on the page."""
        seen: set[str] = set()
        result = []
        for block in self.body:
            anchor = ""
            if block.block_type == "heading":
                base = slugify(block.value) or "section"
                anchor, n = base, 2
                while anchor in seen:
                    anchor, n = f"{base}-{n}", n + 1
                seen.add(anchor)
            result.append((block, anchor))
        return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["blocks"] = body = self.blocks_with_anchors()
        context["toc"] = [(anchor, block.value) for block, anchor in body if anchor]
        parent = self.get_parent().specific
        context["section_parent"] = parent if isinstance(parent, ContentPage) else None
        if any(block.block_type == "treaty_figures" for block, _ in body):
            context["treaty_figures"] = where_states_stand(datetime.date.today())
        return context
