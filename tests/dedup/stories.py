"""Articles written for these tests: one wire story in three versions, and other stories."""

from __future__ import annotations

WIRE_BODY = """\
Iranian and American negotiators will meet in Geneva next Tuesday for a second round of indirect talks on Tehran's nuclear programme, officials in both capitals said on Friday.

The first round, held in Muscat on 6 February, ended without a joint statement, but both delegations described the atmosphere as constructive. Omani mediators shuttled between the two teams, which sat in separate rooms of a hotel on the outskirts of the city.

A senior Iranian official said Tehran was ready to discuss limits on uranium enrichment if Washington offered meaningful relief from sanctions on oil exports and banking. The official, who spoke on condition of anonymity, said no direct meeting between the delegations was planned.

The State Department confirmed the date but declined to say who would lead the American side. Diplomats in Geneva said Swiss authorities had been asked to prepare a venue near the lakeside and to keep the schedule out of public view.

Analysts cautioned that the gap between the two sides remained wide. Iran insists on keeping enrichment on its own soil, while several members of Congress have called for any deal to dismantle the programme entirely."""

WIRE_ORIGINAL = "Iran and US to hold second round of talks in Geneva\n\n" + WIRE_BODY

WIRE_COPY = (
    "Geneva to host new Iran-US nuclear round\n\n"
    "By our correspondent | Published 14:05 | 4 min read\n\n"
    + WIRE_BODY
    + "\n\nShare this article. Follow us for more world news."
)

WIRE_UPDATE = (
    "UPDATED: Iran, US confirm Geneva talks; Oman to mediate again\n\n"
    + WIRE_BODY
    + "\n\nUpdate, 18:30: Oman's foreign ministry said on Friday evening that its foreign minister "
    "would travel to Geneva on Monday to prepare the round, and that both delegations had "
    "accepted Omani mediation for a second time."
)

OTHER_STORY_SAME_TALKS = """\
Swiss prepare for Iran talks

Switzerland is getting ready to welcome delegations from Tehran and Washington, a spokesman for the Swiss foreign ministry told reporters in Bern on Friday, confirming that the meeting would take place in Geneva on Tuesday.

He would not name the hotel. Police have increased patrols along the lake, and two conference rooms have been booked for a week, according to a person familiar with the preparations.

Iran's foreign ministry spokesman said in Tehran that the country's negotiating team would again be led by its deputy foreign minister and that it would insist on the lifting of sanctions. He repeated that the talks would be indirect, with Oman passing messages between the sides.

Earlier this month the two delegations met in Muscat in what both described as a useful first exchange. Observers expect little more than an agreement to keep talking."""

FOOTBALL_STORY = """\
Late goal sends Vardar through

A header in the ninety-second minute gave Vardar a two-one win over the visitors on Saturday and a place in the semi-finals of the national cup.

The home side had fallen behind before the break when a deflected shot beat their goalkeeper, but the substitute striker levelled the score with twenty minutes left and then met a corner at the far post to win it.

The coach praised the crowd, which filled the stadium for the first time this season."""
