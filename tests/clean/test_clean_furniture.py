"""The furniture layer: which lines go, which stay, and what it learns (author, title)."""

from __future__ import annotations

import pytest

from dragoman.clean.furniture import strip_furniture
from dragoman.clean.rules import load_rules

RULES = load_rules()
BODY = (
    "Negotiators from both countries met for four hours in the Omani capital and agreed to meet "
    "again next month, according to officials briefed on the talks."
)
BODY2 = (
    "The foreign ministry said the proposals would be studied by experts before a reply is sent, "
    "and that no date had yet been fixed for the next round."
)


def _kept(lines: list[str], **kwargs: object) -> tuple[str, ...]:
    return strip_furniture(lines, rules=RULES, **kwargs).paragraphs  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "line",
    [
        # breadcrumbs
        "Home » World » Middle East",
        "Home > News > Politics",
        "Home / World",
        "You are here: Home › Region › Caucasus",
        # bylines
        "by Jane Doe - Diplomatic Correspondent",
        "By JANE DOE",
        "Written by Jane Doe",
        "By Jane Doe | 14 Feb 2026",
        "By Mariam Al-Hosani and Omar Haddad",
        "Author: Jane Doe",
        # photo credits and captions
        "Source: AFP/Getty (photo)",
        "Photo: Reuters",
        "Image credit: Ministry of Foreign Affairs",
        "(Photo by Jane Doe/AFP)",
        "Photos: AFP/Getty Images",
        "Ministers pose for a family photo in Geneva. (Photo: Reuters)",
        "Photo: ministers in Geneva (file). Source: AFP/Getty (photo)",
        "AFP/Getty Images",
        # bullets, counters, buttons
        "• 14 Feb, 13:22 • Iran",
        "12 min read",
        "Updated 2 hours ago",
        "Updated at 1:23 p.m.",
        "Last updated: 19.02.2026 20:10",
        "3 hours ago",
        "Share",
        "Tweet",
        "Share on Facebook | Share on X | Share on Telegram",
        "Share: Facebook · X · WhatsApp · Copy link",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "READ MORE: Gulf shipping insurers raise premiums for tankers",
        "Read also: Five things to know about the Omani channel",
        "[Related: Ministers meet in Vienna]",
        "EN | RU | HY",
        "English | Русский | Հայերեն",
        "News | Politics | Economy | Science | Opinion",
        "Tags: Iran, United States, Oman",
        "Follow us on Twitter for the latest updates",
        "CLICK HERE TO GET THE NEWS APP",
        "Reporting by Jane Doe; Editing by John Roe",
        "Jane Doe contributed to this report.",
        "Write to Jane Doe at jane.doe@example.com",
        # newsletters, cookies, footers, comment forms
        "Sign up for our newsletter",
        "Subscribe to the Morning Briefing newsletter",
        "We use cookies to give you the best experience on our website.",
        "This website uses cookies to ensure you get the best experience.",
        "© 2026 The Paper. All rights reserved.",
        "Copyright 2026 The Paper",
        "All rights reserved.",
        "About | Contact | Privacy Policy | Terms",
        "Required fields are marked *",
        "Post Comment",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        # date lines
        "Posted: 13 February 2026",
        "Sunday, 8 March 2026 · 22:41",
        "19.02.2026 | 20:10",
        "***",
    ],
)
def test_furniture_line_is_dropped(line: str) -> None:
    cleaned = strip_furniture([BODY, line, BODY2], rules=RULES)
    assert cleaned.paragraphs == (BODY, BODY2)
    assert cleaned.removed == (line,)


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "By Tuesday, the two delegations had agreed on an agenda for the next round.",
        "By the end of the meeting, officials said, both sides had softened their tone.",
        "Photographs released by the ministry showed the two ministers shaking hands.",
        "The share of oil exports going to Asia rose sharply, the ministry said.",
        "Updated figures released on Friday showed that 2,000 people had been displaced.",
        "Related talks in Vienna, which deal with the nuclear file, were postponed.",
        "Read more closely, the statement suggested that Tehran was ready to compromise.",
        "Comments by the foreign minister were broadcast on state television on Sunday.",
        "The cookies served at the reception were, one diplomat joked, the only sweet part.",
        "YEREVAN, 15 May 2026 - The foreign ministers met for the third time this year.",
        "Source: a senior official told reporters the talks would continue on Monday.",
        "- Sanctions relief in three phases over two years",
        "| Country | Delegation head | Arrived |",
        "Iran",
        "June 17 -- National Arena, Geneva",
    ],
)
def test_body_line_is_kept(line: str) -> None:
    assert line in _kept([BODY2, line, BODY2 + " Again."])


@pytest.mark.parametrize(
    "byline, author",
    [
        ("by Jane Doe - Diplomatic Correspondent", "Jane Doe"),
        ("By JANE DOE", "JANE DOE"),  # title-cased later, by metadata.clean_author
        ("Written by Jane Doe", "Jane Doe"),
        ("By Mariam Al-Hosani · 12 February 2026, 14:35", "Mariam Al-Hosani"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("Author: Ana de la Cruz", "Ana de la Cruz"),
    ],
)
def test_author_comes_from_the_byline(byline: str, author: str) -> None:
    assert strip_furniture([byline, BODY], rules=RULES).author == author


def test_teaser_block_runs_until_the_body_resumes() -> None:
    lines = [
        BODY,
        "You may also like",
        "Iran's parliament debates new rules on foreign investment",
        "Kuwait and Iraq agree on joint patrols in shared waters",
        "- Qatar opens new terminal at Hamad port Officials expect record container volumes.",
        BODY2,
    ]
    assert _kept(lines) == (BODY, BODY2)


def test_teaser_block_stops_at_a_short_sentence() -> None:
    # some outlets write one-sentence paragraphs right after a mid-article teaser box
    lines = [
        BODY,
        "DON'T MISS",
        "Ministers meet in Vienna [INSIGHT]",
        "The ministry said the talks would continue.",
        "Officials expect a statement on Friday.",
    ]
    assert _kept(lines) == (BODY, lines[3], lines[4])


@pytest.mark.parametrize(
    "heading",
    ["You may also like", "Related news", "Related", "More on this story", "Read more",
     "Most read", "Recommended", "More from Lakeside Observer", "Related stories:"],
)  # fmt: skip
def test_teaser_headings(heading: str) -> None:
    lines = [BODY, heading, "Ministers meet in Vienna", "Talks stall in Doha", BODY2]
    assert _kept(lines) == (BODY, BODY2)


@pytest.mark.parametrize(
    "heading",
    ["Leave a Comment", "Leave a Reply", "Comments (3)", "3 Comments", "Reader comments (12)",
     "Join the conversation", "Log in to comment",
     "Your email address will not be published. Required fields are marked *"],
)  # fmt: skip
def test_everything_after_a_comment_heading_is_dropped(heading: str) -> None:
    comment = "I have followed these talks for years, and this is the first real progress I see."
    lines = [BODY, heading, "karim_m", comment, "sarah.t", BODY2]
    assert _kept(lines) == (BODY,)


def test_comment_heading_before_the_body_drops_only_itself() -> None:
    # a "Comments" link in a share bar above the article must not delete the article
    assert _kept(["Comments", BODY, BODY2]) == (BODY, BODY2)


def test_repeated_headline_and_lead_are_dropped() -> None:
    title = "Oman relays new US proposal to Tehran"
    lines = [BODY, BODY2, "Related", title, BODY, "Oman Relays New US Proposal to Tehran!", BODY2]
    cleaned = strip_furniture(lines, rules=RULES, title=title)
    assert cleaned.paragraphs == (BODY, BODY2)
    assert cleaned.removed.count(BODY) == 1


def test_lead_cut_short_with_an_ellipsis_is_dropped() -> None:
    teaser = BODY[:80] + "…"
    assert _kept([BODY, BODY2, teaser]) == (BODY, BODY2)


def test_other_repeated_paragraphs_stay() -> None:
    # interviews repeat questions, recipes repeat lines: only headline and lead repeats go
    question = "What do you expect from the next round of talks in Geneva?"
    lines = [BODY, BODY2, question, "We expect a framework.", question, "The same as before."]
    assert _kept(lines).count(question) == 2


def test_run_of_very_short_lines_is_a_menu() -> None:
    menu = ["Politics", "Economy", "World", "Sport", "Culture", "Science", "Opinion", "Video"]
    assert _kept([*menu, BODY, BODY2]) == (BODY, BODY2)
    short_list = ["Iran", "Oman", "Qatar"]  # a short run stays: it may be content
    assert _kept([BODY, *short_list, BODY2]) == (BODY, *short_list, BODY2)


def test_plain_text_header_gives_title_and_masthead() -> None:
    lines = ["NORTHERN GAZETTE", "Menu | News | World | Region", "Talks resume in Muscat",
             "Middle East", BODY, BODY2]  # fmt: skip
    cleaned = strip_furniture(lines, rules=RULES, find_title=True)
    assert cleaned.title == "Talks resume in Muscat"
    assert cleaned.masthead == "NORTHERN GAZETTE"
    assert cleaned.paragraphs == (BODY, BODY2)


def test_plain_text_standfirst_is_kept() -> None:
    standfirst = "Mediators carry a written US proposal to Tehran."
    lines = ["Talks resume in Muscat", standfirst, BODY]
    cleaned = strip_furniture(lines, rules=RULES, find_title=True)
    assert cleaned.title == "Talks resume in Muscat"
    assert cleaned.paragraphs == (standfirst, BODY)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The meeting is scheduled to take place on , with officials attending.",
         "The meeting is scheduled to take place on [date missing], with officials attending."),
        ("The ceasefire has held since , officials said.",
         "The ceasefire has held since [date missing], officials said."),
        ("The statement dated . was released later.", "The statement dated [date missing]. was released later."),
        ("The sides agreed on, and signed, a protocol.", "The sides agreed on, and signed, a protocol."),
        ("It is the deal they agreed on.", "It is the deal they agreed on."),
    ],
)  # fmt: skip
def test_empty_date_slots(sentence: str, expected: str) -> None:
    assert _kept([BODY, sentence]) == (BODY, expected)


def test_single_cell_table_rows_are_unwrapped() -> None:
    assert _kept([f"| {BODY} |", "|---|"]) == (BODY,)


def test_lines_are_whitespace_normalised_and_empty_ones_skipped() -> None:
    assert _kept(["", "  Negotiators   met\tagain.  ", "   "]) == ("Negotiators met again.",)
