"""One written page about island ferries, as its parts: the menu over it, its headline and its
prose, for the tests that build whole-page text around who signs it."""

MENU = ["Home", "Guides", "Ferries", "Contact"]
HEADLINE = "How the Island Ferries Plan Their Winter Timetable"
PROSE = [
    "The harbour council approved the new winter timetable for the island ferries on Tuesday, after "
    "two months of hearings in which the fishermen and the island schools asked for earlier crossings.",
    "The first sailing will now leave the quay at half past six, and the last one will wait for the "
    "evening train from the city, which the commuters on the outer islands had asked for since spring.",
    "The operator said the new timetable would cost little more to run, as the boats would spend less "
    "time waiting at the piers and more of it carrying the passengers who had been left behind before.",
]
