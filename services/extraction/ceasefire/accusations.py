"""An accusation of attacks breaks a truce only where there is one to break.

"Israel acusó a Hamás de atacar a sus tropas", "Moscou accuse les forces ukrainiennes d'avoir tiré
sur ses positions", "warf der Armee vor, Stellungen beschossen zu haben": in an article that tells a
truce agreed, in force, extended or already breached, the accusation reports a violation (the cue
`accused_attacks`, which needs no truce word in its sentence). Where the article only tells a truce
asked for or offered, the attacks are the war the truce would end, and nothing is violated.
"""

from __future__ import annotations

from collections.abc import Callable

ACCUSATION_CUE = "accused_attacks"


def without_unfounded_accusations(statements: list[dict[str, object]], by_accusation: Callable[[int], bool]) -> list[dict[str, object]]:
    """The statements, less those made by an accusation of attacks (`by_accusation(index)`) when no
    other statement of today tells a truce that exists."""
    accused = [by_accusation(index) for index in range(len(statements))]
    if not any(accused):
        return statements
    exists = any(
        not accused[index] and not statement["background"] and statement["status"] != "proposed"
        for index, statement in enumerate(statements)
    )
    return statements if exists else [s for index, s in enumerate(statements) if not accused[index]]
