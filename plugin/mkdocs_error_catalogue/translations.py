"""The texts the plugin writes itself, in the languages it knows besides English.

A site in one of these languages (Material's `theme.language`, the `locale` of MkDocs' own
themes, or the language mkdocs-static-i18n is building) gets them without configuration,
as Material translates its own interface; the `labels` option changes any of them.
"""

from __future__ import annotations

from .rendering import Labels

TRANSLATED_LABELS: dict[str, Labels] = {
    "de": Labels(
        code="Fehlercode",
        scenario="Wahrscheinliches Szenario",
        message="Angezeigte Fehlermeldung",
        user_actions="Mögliche Maßnahmen für Benutzer",
        developer_actions="Mögliche Maßnahmen für Entwickler",
        obsolete="Veraltet",
        since="seit",
        replaced_by="Ersetzt durch",
        no_code="kein Code",
        no_actions="keine",
        permalink="Permanenter Link",
        filter="Fehler filtern",
        filter_placeholder="Code oder Wörter",
        filter_count="{shown} von {total} Fehlern",
        filter_none="Keine passenden Fehler",
        not_found="Fehler {code} steht nicht in der Fehlerreferenz.",
        not_found_link="Alle Fehler ansehen",
    ),
    "es": Labels(
        code="Código de error",
        scenario="Escenario probable",
        message="Mensaje de error mostrado",
        user_actions="Acciones posibles del usuario",
        developer_actions="Acciones posibles del desarrollador",
        obsolete="Obsoleto",
        since="desde",
        replaced_by="Sustituido por",
        no_code="sin código",
        no_actions="ninguna",
        permalink="Enlace permanente",
        filter="Filtrar errores",
        filter_placeholder="Código o palabras",
        filter_count="{shown} de {total} errores",
        filter_none="Ningún error coincide",
        not_found="El error {code} no está en la referencia de errores.",
        not_found_link="Ver todos los errores",
    ),
    "fr": Labels(
        code="Code d'erreur",
        scenario="Scénario probable",
        message="Message d'erreur affiché",
        user_actions="Actions possibles de l'utilisateur",
        developer_actions="Actions possibles du développeur",
        obsolete="Obsolète",
        since="depuis",
        replaced_by="Remplacé par",
        no_code="sans code",
        no_actions="aucune",
        permalink="Lien permanent",
        filter="Filtrer les erreurs",
        filter_placeholder="Code ou mots",
        filter_count="{shown} erreurs sur {total}",
        filter_none="Aucune erreur ne correspond",
        not_found="L'erreur {code} ne figure pas dans la référence des erreurs.",
        not_found_link="Voir toutes les erreurs",
    ),
    "it": Labels(
        code="Codice di errore",
        scenario="Scenario probabile",
        message="Messaggio di errore visualizzato",
        user_actions="Azioni possibili dell'utente",
        developer_actions="Azioni possibili dello sviluppatore",
        obsolete="Obsoleto",
        since="da",
        replaced_by="Sostituito da",
        no_code="nessun codice",
        no_actions="nessuna",
        permalink="Link permanente",
        filter="Filtra errori",
        filter_placeholder="Codice o parole",
        filter_count="{shown} di {total} errori",
        filter_none="Nessun errore corrispondente",
        not_found="L'errore {code} non è nel riferimento degli errori.",
        not_found_link="Vedi tutti gli errori",
    ),
    "nl": Labels(
        code="Foutcode",
        scenario="Waarschijnlijk scenario",
        message="Weergegeven foutmelding",
        user_actions="Mogelijke acties voor de gebruiker",
        developer_actions="Mogelijke acties voor de ontwikkelaar",
        obsolete="Verouderd",
        since="sinds",
        replaced_by="Vervangen door",
        no_code="geen code",
        no_actions="geen",
        permalink="Permanente link",
        filter="Fouten filteren",
        filter_placeholder="Code of woorden",
        filter_count="{shown} van {total} fouten",
        filter_none="Geen overeenkomende fouten",
        not_found="Fout {code} staat niet in het foutenoverzicht.",
        not_found_link="Alle fouten bekijken",
    ),
    "pt": Labels(
        code="Código de erro",
        scenario="Cenário provável",
        message="Mensagem de erro exibida",
        user_actions="Ações possíveis do usuário",
        developer_actions="Ações possíveis do desenvolvedor",
        obsolete="Obsoleto",
        since="desde",
        replaced_by="Substituído por",
        no_code="sem código",
        no_actions="nenhuma",
        permalink="Link permanente",
        filter="Filtrar erros",
        filter_placeholder="Código ou palavras",
        filter_count="{shown} de {total} erros",
        filter_none="Nenhum erro corresponde",
        not_found="O erro {code} não está na referência de erros.",
        not_found_link="Ver todos os erros",
    ),
}


def labels_for(language: str | None) -> Labels:
    """The texts for `language` (`fr`, `pt-BR`, `de_AT`: a region falls back to its
    language); English for any language without translations."""
    tags = language_tags(language) if language else ()
    return next((TRANSLATED_LABELS[tag] for tag in tags if tag in TRANSLATED_LABELS), Labels())


def language_tags(language: str) -> tuple[str, ...]:
    """What to look `language` up as, most specific first: `pt_BR` -> `pt-br`, then `pt`."""
    tag = normal_tag(language)
    base = tag.split("-")[0]
    return (tag, base) if base != tag else (tag,)


def normal_tag(name: str) -> str:
    """A language tag or file name as written in any case, with `-` or `_`: `pt-br`."""
    return name.replace("_", "-").lower()
