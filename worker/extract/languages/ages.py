"""How each language writes a post's age ("2 hours ago", "vor 3 Stunden", "hace 13 horas"): data only.

Per language: the word (or words) saying "before now", written on the side of the count ("…") the
language puts it ("… ago", "vor …", "il y a …", "… temu"); the words for one without a digit ("an hour
ago", "vor einer Stunde"); the units, in every form a count takes them ("Stunde", "Stunden").
`text_signs.POST_AGE` merges them; adding a language is a row here alone.
"""

from __future__ import annotations

from typing import NamedTuple


class Age(NamedTuple):
    before: tuple[str, ...]  # "before now" ahead of the count ("vor", "hace")
    after: tuple[str, ...]  # "before now" after it ("ago", "temu")
    one: tuple[str, ...]
    units: tuple[str, ...]


def _age(before_now: str, one: str, units: str) -> Age:
    sides = before_now.split(" / ")
    before = tuple(side.removesuffix(" …") for side in sides if side.endswith(" …"))
    after = tuple(side.removeprefix("… ") for side in sides if side.startswith("… "))
    return Age(before, after, tuple(one.split()), tuple(units.split()))


AGES: dict[str, Age] = {
    "en": _age("… ago", "a an one", "second seconds sec secs minute minutes min mins hour hours hr hrs day "
               "days week weeks wk wks month months mo mos year years yr yrs"),
    "de": _age("vor …", "einer einem einen", "sekunde sekunden minute minuten min std stunde stunden tag "
               "tagen woche wochen monat monaten jahr jahren"),
    "fr": _age("il y a …", "un une", "seconde secondes minute minutes min h heure heures jour jours semaine "
               "semaines mois an ans année années"),
    "es": _age("hace …", "un una", "segundo segundos minuto minutos min hora horas día días semana semanas "
               "mes meses año años"),
    "it": _age("… fa", "un uno una", "secondo secondi minuto minuti min ora ore giorno giorni settimana "
               "settimane mese mesi anno anni"),
    "pt": _age("há … / … atrás", "um uma", "segundo segundos minuto minutos min hora horas dia dias semana "
               "semanas mês meses ano anos"),
    "nl": _age("… geleden", "een", "seconde seconden minuut minuten min uur uren dag dagen week weken maand "
               "maanden jaar jaren"),
    "pl": _age("… temu", "", "sekundę sekundy sekund minutę minuty minut godzinę godziny godzin dzień dni "
               "tydzień tygodnie tygodni miesiąc miesiące miesięcy rok lata lat"),
    "cs": _age("před …", "", "sekundou sekundami minutou minutami hodinou hodinami dnem dny týdnem týdny "
               "měsícem měsíci rokem lety"),
    "ru": _age("… назад", "", "секунду секунды секунд минуту минуты минут час часа часов день дня дней "
               "неделю недели недель месяц месяца месяцев год года лет"),
    "uk": _age("… тому", "", "секунду секунди секунд хвилину хвилини хвилин годину години годин день дні "
               "днів тиждень тижні тижнів місяць місяці місяців рік роки років"),
    "tr": _age("… önce", "bir", "saniye dakika saat gün hafta ay yıl"),
    "ro": _age("acum …", "o un", "secundă secunde minut minute oră ore zi zile săptămână săptămâni lună luni "
               "an ani"),
    "fi": _age("… sitten", "", "sekunti sekuntia minuutti minuuttia tunti tuntia päivä päivää viikko viikkoa "
               "kuukausi kuukautta vuosi vuotta"),
    "id": _age("… lalu / … yang lalu", "se", "detik menit jam hari minggu bulan tahun"),
    "sv": _age("… sedan", "en ett", "sekund sekunder minut minuter timme timmar dag dagar vecka veckor månad "
               "månader år"),
    "da": _age("… siden", "en et", "sekund sekunder minut minutter time timer dag dage uge uger måned "
               "måneder år"),
    "no": _age("… siden", "en et ett", "sekund sekunder minutt minutter time timer dag dager uke uker måned "
               "måneder år"),
}  # fmt: skip


def merged_ages() -> Age:
    """Every language's words, each once, in the order of `AGES`."""
    return Age(*(tuple(dict.fromkeys(w for age in AGES.values() for w in age[i])) for i in range(4)))
