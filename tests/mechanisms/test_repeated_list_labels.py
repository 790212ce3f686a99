"""A list heading whose text comes back under every item is a link label ('Read
More' after each entry of a resource list): only the labels go. A repeated heading
under prose ('Related article' over one card, twice) still takes its card."""
from __future__ import annotations

from cleaner import clean

PROSE = ("The district expanded its tutoring programme this year, and the early results "
         "suggest that students who attended three sessions a week gained the most ground.")


def test_a_label_under_each_item_goes_alone():
    text = "\n".join([PROSE, PROSE.replace("district", "county"), PROSE.replace("year", "spring"),
                      PROSE.replace("three", "four"), "Additional Resources",
                      "Why it Works: High-Impact Tutoring", "The Partnership for Student Success", "Read More",
                      "Navigating Tutoring Options for Districts", "The Center for Education Market Dynamics", "Read More",
                      "Funding Tutoring Programs in Rural Schools", "National Student Support Accelerator", "Read More"])
    out = clean(text, lang="en").text
    assert "Read More" not in out
    for kept in ("Navigating Tutoring Options for Districts", "Funding Tutoring Programs in Rural Schools",
                 "National Student Support Accelerator"):
        assert kept in out


def test_a_repeated_heading_under_prose_still_takes_its_card():
    text = "\n".join([PROSE, "Related article", "The Smart Thermostat Buying Guide for Homeowners",
                      PROSE.replace("district", "county"), "Related article",
                      "Are Smart Thermostats Worth It for Renters", PROSE.replace("year", "spring")])
    out = clean(text, lang="en").text
    assert "Related article" not in out
    assert "The Smart Thermostat Buying Guide for Homeowners" not in out
    assert "Are Smart Thermostats Worth It for Renters" not in out
    assert PROSE in out


def test_a_single_heading_takes_its_list():
    text = "\n".join([PROSE, PROSE.replace("district", "county"), PROSE.replace("year", "spring"),
                      "Read more", "Navigating Tutoring Options for Districts",
                      "Funding Tutoring Programs in Rural Schools"])
    out = clean(text, lang="en").text
    assert "Read more" not in out and "Tutoring" not in out
