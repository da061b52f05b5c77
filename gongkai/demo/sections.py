"""Further demo sections, loaded after organisations, staff, catalogue and applications.

Each module named here has ``load(*, organisations, users, rng_seed) -> list[str]``
(organisations: dict[str, Organisation], users: dict[str, User]), which must be
idempotent (a second run creates nothing) and returns lines for the report.
Organisation keys are those of gongkai.demo.seed.ORGANISATIONS (e.g. seed.ZWB, seed.CITY, "hb").
"""

DEMO_SECTIONS: list[str] = [
    "gongkai.demo.service_centre_demo",
    "gongkai.demo.reception_demo",
    "gongkai.demo.engagement_demo",
    "gongkai.demo.reading_room_demo",
    "gongkai.demo.appeals_demo",
    "gongkai.demo.consultations_demo",
]
