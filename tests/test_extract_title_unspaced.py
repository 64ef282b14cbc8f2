"""A headline in a script written without spaces loses the site's name set beside it with no space."""

from __future__ import annotations

from worker.extract.titles import strip_site_affixes


def test_a_short_site_name_after_an_unspaced_dash_is_dropped() -> None:
    assert strip_site_affixes("春天的公园里开满了美丽的花朵-示例网", []) == "春天的公园里开满了美丽的花朵"


def test_a_known_site_name_after_an_unspaced_underscore_is_dropped() -> None:
    assert (
        strip_site_affixes("春天的公园里开满了美丽的花朵_示例城市新闻中心", ["示例城市新闻中心"])
        == "春天的公园里开满了美丽的花朵"
    )


def test_a_brand_in_capitals_before_an_unspaced_bar_is_dropped() -> None:
    assert (
        strip_site_affixes("EXAMPLE NEWS|東京の公園で桜がきれいに咲きました", [])
        == "東京の公園で桜がきれいに咲きました"
    )


def test_a_headline_word_before_an_unspaced_bar_stays() -> None:
    title = "Example 5｜新しい電話が今日東京で発表されました"
    assert strip_site_affixes(title, []) == title


def test_a_short_unspaced_headline_keeps_its_second_half() -> None:
    assert strip_site_affixes("公园花开-春天来了", []) == "公园花开-春天来了"


def test_a_doubled_dash_inside_the_headline_keeps_its_ending() -> None:
    title = "小镇的图书馆今天重新开放了——读者排起长队"
    assert strip_site_affixes(title, []) == title


def test_a_single_long_dash_before_a_short_ending_no_site_name_keeps_it() -> None:
    title = "小镇的图书馆今天重新开放了—读者很多"
    assert strip_site_affixes(title, []) == title


def test_a_hyphen_inside_a_latin_word_is_no_separator() -> None:
    title = "这家公司今天发布的新款手机叫做Nova-X5"
    assert strip_site_affixes(title, []) == title


def test_a_known_site_name_after_a_long_dash_is_still_dropped() -> None:
    assert strip_site_affixes("小镇的图书馆今天重新开放了—示例网", ["示例网"]) == "小镇的图书馆今天重新开放了"
