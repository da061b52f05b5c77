"""Feeds and sitemap are well-formed XML that list published items only."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_rss_feed_lists_new_items(client, portal_catalogue):
    response = client.get(reverse("portal:feed_rss"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    titles = [item.findtext("title") for item in items]
    assert titles == [portal_catalogue.other_published.title, portal_catalogue.published.title]
    first = items[1]
    assert first.findtext("link", "").endswith(
        reverse("portal:item_detail", args=[portal_catalogue.published.pk])
    )
    assert first.findtext("guid") == portal_catalogue.published.index_number
    assert first.findtext("pubDate")
    assert first.findtext("description") == portal_catalogue.published.summary


def test_atom_feed_lists_new_items(client, portal_catalogue):
    response = client.get(reverse("portal:feed_atom"))

    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert portal_catalogue.published.title in titles
    assert portal_catalogue.draft.title not in titles
    assert portal_catalogue.withdrawn.title not in titles


def test_sitemap_lists_items_categories_organisations_and_guides(client, portal_catalogue):
    response = client.get(reverse("portal:sitemap"))

    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {url.findtext(f"{SITEMAP}loc") for url in root.findall(f"{SITEMAP}url")}
    paths = {location.split("testserver", 1)[1] for location in locations}
    organisation = portal_catalogue.organisation
    assert reverse("portal:item_detail", args=[portal_catalogue.published.pk]) in paths
    assert reverse("portal:item_detail", args=[portal_catalogue.other_published.pk]) in paths
    assert reverse("portal:item_detail", args=[portal_catalogue.draft.pk]) not in paths
    assert reverse("portal:item_detail", args=[portal_catalogue.withdrawn.pk]) not in paths
    assert reverse("portal:catalogue_category", args=[portal_catalogue.rules.pk]) in paths
    assert reverse("portal:organisation_detail", args=[organisation.pk]) in paths
    assert reverse("portal:guide", args=[organisation.pk]) in paths
    assert reverse("portal:home") in paths
