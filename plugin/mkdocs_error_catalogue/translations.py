"""The texts the plugin writes itself, in the languages it knows besides English.

A site in one of these languages (Material's `theme.language`, the `locale` of MkDocs' own
themes, or the language mkdocs-static-i18n is building) gets them without configuration,
as Material translates its own interface; the `labels` option changes any of them, for
every language (`labels: {code: …}`) or for one (`labels: {ko: {code: …}}`).

Each set uses the words the language's developer documentation uses (Material's own language
files, MDN's localized pages): `오류 코드`, `エラーコード`, `错误代码`, `Код ошибки`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from .locales import language_tags, normal_tag
from .rendering import LABEL_NAMES, Labels
from .validation import unknown_key

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
        untranslated="Noch nicht übersetzt",
        filter="Fehler filtern",
        filter_placeholder="Code oder Wörter",
        filter_count="{shown} von {total} Fehlern",
        filter_none="Keine passenden Fehler",
        not_found="Fehler {code} steht nicht in der Fehlerreferenz.",
        not_found_link="Alle Fehler ansehen",
        deep_link="Fehler {code}",
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
        untranslated="Aún sin traducir",
        filter="Filtrar errores",
        filter_placeholder="Código o palabras",
        filter_count="{shown} de {total} errores",
        filter_none="Ningún error coincide",
        not_found="El error {code} no está en la referencia de errores.",
        not_found_link="Ver todos los errores",
        deep_link="Error {code}",
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
        untranslated="Pas encore traduit",
        filter="Filtrer les erreurs",
        filter_placeholder="Code ou mots",
        filter_count="{shown} erreurs sur {total}",
        filter_none="Aucune erreur ne correspond",
        not_found="L'erreur {code} ne figure pas dans la référence des erreurs.",
        not_found_link="Voir toutes les erreurs",
        deep_link="Erreur {code}",
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
        untranslated="Non ancora tradotto",
        filter="Filtra errori",
        filter_placeholder="Codice o parole",
        filter_count="{shown} di {total} errori",
        filter_none="Nessun errore corrispondente",
        not_found="L'errore {code} non è nel riferimento degli errori.",
        not_found_link="Vedi tutti gli errori",
        deep_link="Errore {code}",
    ),
    "ja": Labels(
        code="エラーコード",
        scenario="想定される状況",
        message="表示されるエラーメッセージ",
        user_actions="ユーザーが取れる対処",
        developer_actions="開発者が取れる対処",
        obsolete="廃止",
        since="時期:",
        replaced_by="代替:",
        no_code="コードなし",
        no_actions="なし",
        permalink="パーマリンク",
        untranslated="未翻訳",
        filter="エラーを絞り込む",
        filter_placeholder="コードまたはキーワード",
        filter_count="{total} 件中 {shown} 件のエラー",
        filter_none="一致するエラーはありません",
        not_found="エラー {code} はエラーリファレンスに載っていません。",
        not_found_link="すべてのエラーを見る",
        deep_link="エラー {code}",
    ),
    "ko": Labels(
        code="오류 코드",
        scenario="예상 상황",
        message="표시되는 오류 메시지",
        user_actions="사용자 조치",
        developer_actions="개발자 조치",
        obsolete="사용 중단",
        since="시점:",
        replaced_by="대체 코드:",
        no_code="코드 없음",
        no_actions="없음",
        permalink="고유 링크",
        untranslated="아직 번역되지 않음",
        filter="오류 필터",
        filter_placeholder="코드 또는 단어",
        filter_count="오류 {total}개 중 {shown}개",
        filter_none="일치하는 오류가 없습니다",
        not_found="오류 {code}은(는) 오류 레퍼런스에 없습니다.",
        not_found_link="모든 오류 보기",
        deep_link="오류 {code}",
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
        untranslated="Nog niet vertaald",
        filter="Fouten filteren",
        filter_placeholder="Code of woorden",
        filter_count="{shown} van {total} fouten",
        filter_none="Geen overeenkomende fouten",
        not_found="Fout {code} staat niet in het foutenoverzicht.",
        not_found_link="Alle fouten bekijken",
        deep_link="Fout {code}",
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
        untranslated="Ainda não traduzido",
        filter="Filtrar erros",
        filter_placeholder="Código ou palavras",
        filter_count="{shown} de {total} erros",
        filter_none="Nenhum erro corresponde",
        not_found="O erro {code} não está na referência de erros.",
        not_found_link="Ver todos os erros",
        deep_link="Erro {code}",
    ),
    "ru": Labels(
        code="Код ошибки",
        scenario="Вероятный сценарий",
        message="Отображаемое сообщение об ошибке",  # noqa: RUF001 - Russian, not look-alike Latin
        user_actions="Возможные действия пользователя",
        developer_actions="Возможные действия разработчика",
        obsolete="Устарело",
        since="с",  # noqa: RUF001 - Russian, not look-alike Latin
        replaced_by="Заменено на",
        no_code="без кода",
        no_actions="нет",
        permalink="Постоянная ссылка",
        untranslated="Ещё не переведено",
        filter="Фильтр ошибок",
        filter_placeholder="Код или слова",
        filter_count="Показано {shown} из {total}",
        filter_none="Нет подходящих ошибок",
        not_found="Ошибки {code} нет в справочнике ошибок.",
        not_found_link="Все ошибки",  # noqa: RUF001 - Russian, not look-alike Latin
        deep_link="Ошибка {code}",
    ),
    "zh": Labels(
        code="错误代码",
        scenario="可能的场景",
        message="显示的错误消息",
        user_actions="用户可采取的操作",
        developer_actions="开发者可采取的操作",
        obsolete="已废弃",
        since="始于",
        replaced_by="替代代码",
        no_code="无代码",
        no_actions="无",
        permalink="永久链接",
        untranslated="尚未翻译",
        filter="筛选错误",
        filter_placeholder="代码或关键词",
        filter_count="{shown} / {total} 个错误",
        filter_none="没有匹配的错误",
        not_found="错误 {code} 不在错误参考中。",
        not_found_link="查看所有错误",
        deep_link="错误 {code}",
    ),
    "zh-hant": Labels(
        code="錯誤代碼",
        scenario="可能的情境",
        message="顯示的錯誤訊息",
        user_actions="使用者可採取的動作",
        developer_actions="開發者可採取的動作",
        obsolete="已棄用",
        since="始於",
        replaced_by="替代代碼",
        no_code="無代碼",
        no_actions="無",
        permalink="永久連結",
        untranslated="尚未翻譯",
        filter="篩選錯誤",
        filter_placeholder="代碼或關鍵字",
        filter_count="{shown} / {total} 個錯誤",
        filter_none="沒有符合的錯誤",
        not_found="錯誤 {code} 不在錯誤參考中。",
        not_found_link="查看所有錯誤",
        deep_link="錯誤 {code}",
    ),
}
# Regions that write Chinese in Traditional characters, when the tag does not say `Hant`.
_TRADITIONAL_CHINESE = {"zh-tw": "zh-hant", "zh-hk": "zh-hant", "zh-mo": "zh-hant"}


def built_in_labels(language: str | None) -> Labels | None:
    """The built-in texts for `language` (`fr`, `pt-BR`, `de_AT`: a region falls back to its
    language; `zh-TW` is Traditional Chinese), None for a language without them. The `pt` set
    is Brazilian Portuguese, as Material's `pt-BR` writes it (`usuário`)."""
    tags = language_tags(language) if language else ()
    tags = tuple(_TRADITIONAL_CHINESE.get(tag, tag) for tag in tags)
    return next((TRANSLATED_LABELS[tag] for tag in tags if tag in TRANSLATED_LABELS), None)


def is_english(language: str | None) -> bool:
    """Whether `language` is English (or unset), whose texts are `Labels`' own."""
    return not language or language_tags(language)[-1] == "en"


def labels_for(language: str | None, given: Mapping[str, Any] | None = None) -> Labels:
    """The texts for a page in `language`: English, under the built-in ones of `language`,
    under the site's `labels` for every language (`code: …`), under its `labels` for that
    language (`ko: {code: …}`; `pt: {…}` under `pt-BR: {…}` for `pt-BR`). `given` is the
    `labels` option, which `check_labels` has accepted."""
    given = given or {}
    labels = built_in_labels(language) or Labels()
    labels = dataclasses.replace(labels, **_own_labels(given))
    by_tag = {normal_tag(key): value for key, value in given.items() if key not in LABEL_NAMES}
    for tag in reversed(language_tags(language) if language else ()):
        labels = dataclasses.replace(labels, **_own_labels(by_tag.get(tag, {})))
    return labels


def _own_labels(given: Mapping[str, Any]) -> dict[str, str]:
    """The labels `given` sets (an empty one, `code:` in YAML, sets none)."""
    return {
        name: value for name, value in given.items() if name in LABEL_NAMES and value is not None
    }


def untranslated_language(language: str | None, given: Mapping[str, Any]) -> bool:
    """Whether a page in `language` gets some of its texts in English for want of them: a
    language other than English, without built-in texts, whose `labels` leave some unset."""
    if is_english(language) or built_in_labels(language) is not None:
        return False
    set_by_site = set(_own_labels(given))
    tags = set(language_tags(language) if language else ())
    for key, value in given.items():
        if key not in LABEL_NAMES and normal_tag(key) in tags:
            set_by_site |= set(_own_labels(value))
    return not set_by_site >= set(LABEL_NAMES)


# A language as themes and mkdocs-static-i18n write it: `ko`, `pt-BR`, `zh_Hant_TW`.
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*\Z")


def check_labels(given: object) -> None:
    """Raise a `ValueError` saying what is wrong in the `labels` option `given`: each key a
    label with its text, or a language tag (`ko`, `pt-BR`) with a mapping of labels."""
    if not isinstance(given, Mapping):
        raise ValueError("`labels` must be a mapping of labels, such as `code: Fehlercode`")
    for key, value in given.items():
        if key in LABEL_NAMES:
            _check_text(key, value)
        elif isinstance(key, str) and LANGUAGE_TAG.match(key) and isinstance(value, Mapping):
            for name, text in value.items():
                if name not in LABEL_NAMES:
                    raise ValueError(unknown_key(name, f"`labels` of `{key}`", LABEL_NAMES))
                _check_text(name, text, f" of `{key}`")
        elif isinstance(value, Mapping):
            raise ValueError(
                f"`{key}` in `labels` is not a language tag: write the language as the theme "
                "does, such as `ko` or `pt-BR`"
            )
        else:
            raise ValueError(unknown_key(key, "`labels`", LABEL_NAMES))


def _check_text(name: str, value: object, language: str = "") -> None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"the label `{name}`{language} must be text, not {value!r}")
