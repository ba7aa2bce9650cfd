"""The laptops File › Prepare laptops writes packages for, from the names typed beside the sittings."""

from workshop_desk.domain.packages import LaptopPlan, laptop_plans


def test_sittings_given_the_same_name_go_to_one_laptop_named_as_first_typed() -> None:
    assert laptop_plans([(1, "Atelier 1 — Hélène"), (2, "Marc"), (3, " atelier 1  —  HÉLÈNE "), (4, "marc")]) == [
        LaptopPlan("Atelier 1 — Hélène", (1, 3)), LaptopPlan("Marc", (2, 4))]


def test_a_sitting_without_a_name_goes_to_no_laptop() -> None:
    assert laptop_plans([(1, ""), (2, "   "), (3, "Julie")]) == [LaptopPlan("Julie", (3,))]
    assert laptop_plans([]) == []
