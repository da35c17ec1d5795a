"""Reports written for the clustering tests: two meetings in Geneva a year apart, and a bystander.

Both meetings bring the same two foreign ministers to Geneva under Swiss auspices; what tells them
apart is what each report is about (border commission in 2025, a treaty text in 2026) and when.
"""

from __future__ import annotations

# (id, publication day, title, text)
MEETING_2025 = [
    (
        "m25_alpine",
        "2025-03-11",
        "Armenian and Azerbaijani ministers meet in Geneva on border commissions",
        (
            "The foreign ministers of Armenia and Azerbaijan, Ararat Mirzoyan and Jeyhun Bayramov, met in "
            "Geneva on Monday for talks hosted by Switzerland. The two sides agreed that their border "
            "delimitation commissions would meet again in April to continue mapping the frontier near "
            "Lachin and Tavush. Swiss mediator Thomas Greminger said the meeting lasted four hours."
        ),
    ),
    (
        "m25_caspian",
        "2025-03-10",
        "Bayramov and Mirzoyan hold Geneva round",
        (
            "Jeyhun Bayramov and Ararat Mirzoyan sat down in Geneva on Monday in a round of talks brokered "
            "by Swiss diplomats. Officials said the delimitation commissions would reconvene in April and "
            "that experts would exchange maps of the Tavush section. Greminger described the atmosphere "
            "as businesslike."
        ),
    ),
    (
        "m25_ararat",
        "2025-03-12",
        "Geneva talks: commissions to resume mapping in April",
        (
            "After the Geneva meeting between Mirzoyan and Bayramov, Yerevan said the border commissions "
            "would resume work in April. The commissions are charged with delimitation of the frontier, "
            "including the Lachin corridor and villages in Tavush. Greminger, who hosted the talks, "
            "thanked both delegations."
        ),
    ),
]

MEETING_2026 = [
    (
        "m26_alpine",
        "2026-03-17",
        "Armenia and Azerbaijan initial peace treaty in Geneva",
        (
            "Armenia and Azerbaijan initialled the text of a peace treaty in Geneva on Tuesday, after "
            "foreign ministers Ararat Mirzoyan and Jeyhun Bayramov settled the last two articles on "
            "mutual claims at international courts. Swiss President Karin Keller-Sutter witnessed the "
            "ceremony. The treaty still needs signatures by the two leaders and ratification."
        ),
    ),
    (
        "m26_meridian",
        "2026-03-17",
        "Peace treaty text agreed",
        (
            "Mirzoyan and Bayramov put their initials on the peace treaty on Tuesday in Geneva, "
            "closing a year of drafting. The last open articles dealt with withdrawing claims at "
            "international courts. Keller-Sutter, who attended, said signatures and ratification "
            "would follow within months."
        ),
    ),
    (
        "m26_caspian",
        "2026-03-18",
        "Baku welcomes initialled treaty",
        (
            "Baku welcomed the initialling of the peace treaty in Geneva, where Bayramov and Mirzoyan "
            "agreed the final articles on withdrawing international court claims. Keller-Sutter hosted "
            "the ceremony. Ratification by both parliaments is the next step, officials said."
        ),
    ),
]

BYSTANDER = (
    "x_danube",
    "2026-03-17",
    "Flood warning on the lower Danube",
    (
        "Authorities in Vidin and Calafat issued flood warnings on Tuesday as the Danube rose after "
        "heavy rain in the Carpathians. Ferries between the two towns were suspended and schools near "
        "the river closed for two days."
    ),
)

ALL_REPORTS = [*MEETING_2025, *MEETING_2026, BYSTANDER]
