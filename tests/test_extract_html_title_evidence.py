"""The HTML title chosen by the page's evidence: which of the <title>'s parts names the site, and which
the headline, told by what else the page says (its og:site_name, a host name, its <h1>)."""

from __future__ import annotations

from tests.html_articles import metadata_of
from worker.article import Metadata

PARAGRAPH = "<p>The anglers met at dawn on the frozen lake and waited for the first pike of the winter.</p>"


def _read(head: str, body: str) -> Metadata:
    return metadata_of(head, body + PARAGRAPH)


def test_a_short_heading_is_the_headline_when_the_title_names_the_site_elsewhere() -> None:
    # "Winter pike" repeats the title's first part, far shorter than the rest; but the rest names the
    # site (a host name) and its slogan, so the heading is the headline, not the logo.
    found = _read(
        "<title>Winter pike | anglerpost.ch | Your weekly magazine for lake and river fishing</title>",
        "<article><h1>Winter pike</h1></article>",
    )
    assert found.title == "Winter pike"


def test_a_kicker_in_the_heading_is_not_part_of_the_headline_the_metadata_gives() -> None:
    # The <h1> sets the section's name before the headline; og:title writes the headline alone.
    found = _read(
        '<meta property="og:title" content="Ice fishing season opens on the northern lakes">',
        "<article><h1>Local News | Ice fishing season opens on the northern lakes</h1></article>",
    )
    assert found.title == "Ice fishing season opens on the northern lakes"


def test_a_heading_whose_last_words_repeat_a_short_metadata_title_is_kept_whole() -> None:
    # "How Much Does a ..." is one sentence, not a kicker above "Pike Licence Cost".
    found = _read(
        '<meta property="og:title" content="Pike Licence Cost">',
        "<article><h1>How Much Does a Pike Licence Cost</h1></article>",
    )
    assert found.title == "How Much Does a Pike Licence Cost"


def test_an_og_title_that_is_only_the_sites_name_gives_way_to_the_article_title() -> None:
    # The template leaves the front page's og:title on every page; the <h1> is a photo caption.
    found = _read(
        '<meta property="og:site_name" content="Lakeside Daily - News from the lakes">'
        '<meta property="og:title" content="Lakeside Daily - News from the lakes">'
        '<meta name="twitter:title" content="Ice breaks up early on the northern lakes">',
        "<h1>A fisherman pulls his sled across the ice near the harbour on Tuesday morning while"
        " the sun rises behind the old lighthouse at the end of the pier, a few hours before the"
        " ice broke up along the whole northern shore and the coast guard closed the lake.</h1>",
    )
    assert found.title == "Ice breaks up early on the northern lakes"


def test_a_heading_in_a_script_without_spaces_that_starts_the_title_is_the_headline() -> None:
    # "_钓鱼频道 _湖畔日报": the section's and the site's names after the headline, joined without spaces.
    found = _read(
        "<title>湖面冰层提前融化渔民收起渔具 _钓鱼频道 _湖畔日报</title>",
        "<article><h1>湖面冰层提前融化渔民收起渔具</h1></article>",
    )
    assert found.title == "湖面冰层提前融化渔民收起渔具"


def test_a_heading_that_og_title_repeats_is_not_taken_for_the_sites_name() -> None:
    # The <title> adds the section's long breadcrumb after the headline; og:title writes the
    # headline alone, as the <h1> does.
    found = _read(
        '<meta property="og:title" content="Pike season opens">'
        "<title>Pike season opens - Lakes, rivers and the rules for anglers this winter | News |"
        " Fishing | Law</title>",
        "<article><h1>Pike season opens</h1></article>",
    )
    assert found.title == "Pike season opens"


def test_a_title_written_as_a_trail_from_the_site_keeps_only_its_last_step() -> None:
    found = _read(
        '<meta property="og:site_name" content="Lakeside Notes">'
        "<title>Lakeside Notes » Blog Archive » How we mended the old pike nets</title>",
        "<header><h1>Lakeside Notes</h1></header>",
    )
    assert found.title == "How we mended the old pike nets"


def test_an_og_title_that_is_the_pages_slug_gives_way_to_the_title() -> None:
    found = _read(
        '<meta property="og:title" content="pike-licence-prices-2026">'
        "<title>Pike licence prices for 2026</title>",
        "<article><h1>What anglers pay</h1></article>",
    )
    assert found.title == "Pike licence prices for 2026"


def test_the_source_host_a_link_aggregator_prints_after_the_heading_is_no_part_of_it() -> None:
    found = _read(
        '<meta property="og:title" content="Pike return to the northern lakes - Linkpile">',
        "<article><h1>Pike return to the northern lakes (lakesidedaily.com) 42</h1></article>",
    )
    assert found.title == "Pike return to the northern lakes"


def test_a_host_name_the_logo_writes_before_the_title_is_the_sites_name() -> None:
    found = _read(
        "<title>lakesidenotes.net Mending Pike Nets</title>",
        "<h1>lakesidenotes.net</h1><h2>Mending Pike Nets</h2>",
    )
    assert found.title == "Mending Pike Nets"


def test_a_slash_after_the_sites_name_is_no_trail_when_the_headline_writes_one_too() -> None:
    # "Site / Headline": the slash between "Rain" and "snow" is the headline's own, not a breadcrumb step.
    found = _read(
        '<meta property="og:site_name" content="Lakeside Daily">'
        "<title>Lakeside Daily / Rain / snow mix expected over the lakes tonight</title>",
        "<div>Weather</div>",
    )
    assert found.title == "Rain / snow mix expected over the lakes tonight"


def test_a_logo_heading_is_the_sites_name_when_the_titles_host_names_the_same_site() -> None:
    # The host at the end names the site, as the <h1> does: the heading is the logo, not the headline.
    found = _read(
        "<title>Lakeside Daily | Ice fishing season opens on the northern lakes | lakesidedaily.com</title>",
        "<header><h1>Lakeside Daily</h1></header>",
    )
    assert found.title == "Ice fishing season opens on the northern lakes"


def test_a_kicker_set_apart_by_any_title_separator_is_not_part_of_the_headline() -> None:
    # "»" sets the section apart as "|" does, though the section is in sentence case.
    found = _read(
        '<meta property="og:title" content="Ice fishing season opens on the northern lakes">',
        "<article><h1>Local news » Ice fishing season opens on the northern lakes</h1></article>",
    )
    assert found.title == "Ice fishing season opens on the northern lakes"


def test_a_name_that_opens_the_headline_is_no_kicker() -> None:
    # The metadata title drops the subject; "wins the pike contest" starts no headline.
    found = _read(
        '<meta property="og:title" content="wins the pike contest on the northern lake">',
        "<article><h1>Anna Berg wins the pike contest on the northern lake</h1></article>",
    )
    assert found.title == "Anna Berg wins the pike contest on the northern lake"


def test_a_title_case_question_is_no_kicker_above_its_last_words() -> None:
    # Every word of the heading is capitalised: "When Does" stands out no more than the rest does.
    found = _read(
        '<meta property="og:title" content="Ice Fishing Season Start">',
        "<article><h1>When Does Ice Fishing Season Start</h1></article>",
    )
    assert found.title == "When Does Ice Fishing Season Start"


def test_a_kicker_is_counted_in_the_words_it_writes_not_in_its_pieces() -> None:
    # "U.S." is one word of the kicker, though its letters compare as two.
    found = _read(
        '<meta property="og:title" content="Ice fishing season opens on the northern lakes">',
        "<article><h1>U.S. news: Ice fishing season opens on the northern lakes</h1></article>",
    )
    assert found.title == "Ice fishing season opens on the northern lakes"


def test_a_product_name_written_with_a_dot_is_no_host_the_logo_sets_before_the_title() -> None:
    # "Pikenet.js" is the library the page is about, capitalised as a name; "Pikenet.js 14" is the headline's
    # start, not an address.
    found = _read(
        "<title>Pikenet.js 14 mends the pike nets faster</title>",
        "<header><h1>Pikenet.js</h1></header>",
    )
    assert found.title == "Pikenet.js 14 mends the pike nets faster"


def test_a_title_case_tag_after_a_dash_is_not_part_of_the_headline() -> None:
    # The page's kind, set after a dash in capitals as a label, follows a headline in title case.
    found = _read(
        "<title>Ice Fishing Gear for Beginners – Printable Checklist - Lake Anglers</title>",
        "<article><h1>Ice Fishing Gear for Beginners – Printable Checklist</h1></article>",
    )
    assert found.title == "Ice Fishing Gear for Beginners"


def test_a_phrase_in_sentence_case_after_a_dash_stays_in_the_headline() -> None:
    found = _read(
        "<title>Ice Fishing Gear for Beginners – tips and tricks</title>",
        "<article><h1>Ice Fishing Gear for Beginners – tips and tricks</h1></article>",
    )
    assert found.title == "Ice Fishing Gear for Beginners – tips and tricks"


def test_capitalised_words_after_a_dash_stay_after_a_headline_in_sentence_case() -> None:
    # Capitals mark every noun in German: "Anglerverband Empört" goes on with the headline.
    found = _read(
        "<title>Der Hechtfang wird ab Januar verboten – Anglerverband Empört</title>",
        "<article><h1>Der Hechtfang wird ab Januar verboten – Anglerverband Empört</h1></article>",
    )
    assert found.title == "Der Hechtfang wird ab Januar verboten – Anglerverband Empört"


def test_a_heading_with_the_metadata_titles_words_in_another_order_is_the_headline() -> None:
    found = _read(
        '<meta property="og:title" content="Pike Fishing and Ice Safety Basics">',
        "<article><h1>Pike Fishing and Ice Safety: Safety Basics</h1></article>",
    )
    assert found.title == "Pike Fishing and Ice Safety: Safety Basics"


def test_a_heading_spelled_a_little_differently_gives_way_to_the_metadata_title() -> None:
    found = _read(
        '<meta property="og:title" content="Pike Fishing and Ice Safety Basics for Beginners">',
        "<article><h1>Pike Fishing & Ice Safety Basics for Beginners</h1></article>",
    )
    assert found.title == "Pike Fishing and Ice Safety Basics for Beginners"


def test_the_heading_is_weighed_against_the_metadata_title_closest_to_it() -> None:
    # og:title is a teaser; <title> spells the heading a little differently, and is the headline.
    found = _read(
        '<meta property="og:title" content="Not sure which auger to buy? Here is what to know first">'
        "<title>The Best Ice Augers of 2026, Tested by Anglers</title>",
        "<article><h1>The best ice augers of 2026, tested by our anglers</h1></article>",
    )
    assert found.title == "The Best Ice Augers of 2026, Tested by Anglers"


def test_a_capitalised_noun_after_a_dash_stays_in_a_german_headline_without_a_verb() -> None:
    # Capitals mark every noun in German, so a headline of nouns looks like title case; title case is
    # English usage, and a page declared in another language keeps the words after its dash.
    found = metadata_of(
        "<title>Neue Anglerhütte am Nordufer – Geheimtipp</title>",
        "<article><h1>Neue Anglerhütte am Nordufer – Geheimtipp</h1></article>" + PARAGRAPH,
        lang="de",
    )
    assert found.title == "Neue Anglerhütte am Nordufer – Geheimtipp"


def test_a_version_number_and_a_name_are_too_short_a_headline_to_lose_what_follows_the_dash() -> None:
    # "Pikebot 2.0" is two words as written, though normalizing splits "2.0" in two: the words after
    # the dash name the release and belong to the headline.
    found = _read(
        "<title>Pikebot 2.0 - The Winter Update</title>",
        "<article><h1>Pikebot 2.0 - The Winter Update</h1></article>",
    )
    assert found.title == "Pikebot 2.0 - The Winter Update"


def test_words_after_a_dash_that_carry_on_the_headlines_sentence_stay_in_it() -> None:
    # "Until Now" is capitalised as the title-case headline is, but goes on with it: no label.
    found = _read(
        "<title>This Town Fined Anglers for Fishing on Thin Ice – Until Now</title>",
        "<article><h1>This Town Fined Anglers for Fishing on Thin Ice – Until Now</h1></article>",
    )
    assert found.title == "This Town Fined Anglers for Fishing on Thin Ice – Until Now"


def test_a_metadata_title_that_only_names_the_site_is_not_weighed_against_the_heading() -> None:
    # og:title left as the site's host on every page shares words with the masthead's <h1>; the
    # heading is measured against the <title> that names the article, and shares none with it.
    found = _read(
        '<meta property="og:title" content="lakesidedaily.com">'
        "<title>Storm floods the harbour road overnight</title>",
        "<header><h1>Lakesidedaily.com weekend edition</h1></header><article></article>",
    )
    assert found.title == "Storm floods the harbour road overnight"
