"""Agency and leader names: splitting cells, matching spellings, one entry per body or person.

Plans name the same body in many ways: "Ủy ban nhân dân thành phố" and "UBND TP", "Chi cục Thuế
Khu vực III" and "Chi cục Thuế khu vực III", "Sở Văn hóa, Thể thao và Du lịch" and "Sở VH,TT&DL".
Everything here is driven by the rule tables below, so a new spelling is a new table row, not new code.

Agencies
    ``split_agencies`` cuts a cell into the names as written. ``agency_key`` is the matching key:
    folded (diacritics, case, dashes, spacing vanish), abbreviations expanded, a trailing "thành phố"
    dropped; a collective ("Các Sở, ngành, đơn vị, địa phương") is keyed by the set of its member
    words. ``AgencyDirectory`` keeps one ``Agency`` per key.

Leaders
    ``parse_leader`` reads "Đồng chí <name> – <office>" and its variants. ``LeaderDirectory`` keeps one
    ``Leader`` per person (keyed by the folded name), per office when no name is given, and per
    collective ("Các đồng chí Phó Chủ tịch ... liên quan").

Canonical names are chosen from the spellings seen so far (the most frequent, ties to the first seen),
so a name returned early in an import can still change later: ``lookup`` gives the current entry.
Pure Python: no Django.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kehoach.domain.entities import Agency, AgencyKind, Leader
from kehoach.domain.text import clean, fold, nfc

# --------------------------------------------------------------------------------------------------
# Rule tables
# --------------------------------------------------------------------------------------------------

#: Words that open an agency name. After a comma (or before " và "/" với ") they start a new name;
#: any other segment continues the current one ("Sở Văn hóa, Thể thao và Du lịch").
#: Written lower-case with modern tone placement ("ủy", "tòa"); compared after ``_head_form``.
AGENCY_HEADS: tuple[str, ...] = (
    "sở", "ban", "chi cục", "chi nhánh", "công an", "cảnh sát", "ủy ban", "ubnd", "hđnd", "hội đồng",
    "văn phòng", "bộ", "bộ chỉ huy", "cục", "cục thuế", "tổng cục", "kho bạc", "kbnn", "bảo hiểm", "bhxh",
    "ngân hàng", "nhnn", "cảng vụ", "đài", "báo", "trường", "đại học", "bệnh viện", "trung tâm", "hội",
    "liên đoàn", "liên minh", "mặt trận", "đoàn", "thành đoàn", "thành ủy", "tỉnh ủy", "quận ủy",
    "huyện ủy", "đảng ủy", "tòa án", "viện", "viện kiểm sát", "thanh tra", "kiểm toán", "công ty",
    "tổng công ty", "tập đoàn", "bql", "bqlda",
    "các", "những",  # a collective
)

#: Words a collective lists as its members ("các Sở, ban, ngành, đơn vị, địa phương liên quan").
#: Folded. Inside a collective, a segment made only of these words continues the collective.
COLLECTIVE_MEMBERS: tuple[str, ...] = (
    "so", "ban", "nganh", "don vi", "dia phuong", "co quan", "to chuc", "doanh nghiep", "hoi",
    "doan the", "quan", "huyen", "xa", "phuong", "thi xa", "thi tran", "bo", "cuc", "vien", "truong",
    "trung tam", "phong", "chu dau tu", "nha dau tu", "lien quan", "co lien quan", "truc thuoc",
    "uy ban nhan dan", "tren dia ban",
)

#: Openings that make a name a collective (folded).
COLLECTIVE_OPENINGS: tuple[str, ...] = ("cac", "nhung", "tat ca", "toan bo", "toan the")

#: Qualifiers a collective member may carry; kept as a member of their own ("lien quan").
COLLECTIVE_QUALIFIERS: tuple[str, ...] = ("co lien quan", "lien quan")

#: Abbreviations written with "&", "," or "-" inside: matched on the folded text before tokenising.
COMPOUND_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"vh\s*,?\s*tt\s*(?:&|-|va)\s*dl", "van hoa the thao va du lich"),
    (r"ld\s*-?\s*tb\s*(?:&|-|va)\s*xh", "lao dong thuong binh va xa hoi"),
    (r"kh\s*(?:&|-)\s*cn", "khoa hoc va cong nghe"),
    (r"kh\s*(?:&|-)\s*dt", "ke hoach va dau tu"),
    (r"nn\s*(?:&|-)\s*ptnt", "nong nghiep va phat trien nong thon"),
    (r"nn\s*(?:&|-)\s*mt", "nong nghiep va moi truong"),
    (r"tn\s*(?:&|-)\s*mt", "tai nguyen va moi truong"),
    (r"gd\s*(?:&|-)\s*dt", "giao duc va dao tao"),
    (r"tt\s*(?:&|-)\s*tt", "thong tin va truyen thong"),
    (r"gt\s*-\s*vt", "giao thong van tai"),
)

#: Abbreviations written as one word (folded, so "ĐT" is "dt").
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "ubmttq": "uy ban mat tran to quoc",
    "mttq": "mat tran to quoc",
    "bql": "ban quan ly",
    "bqlda": "ban quan ly du an",
    "qlda": "quan ly du an",
    "kkt": "khu kinh te",
    "kcn": "khu cong nghiep",
    "ccn": "cum cong nghiep",
    "tp": "thanh pho",
    "nhnn": "ngan hang nha nuoc",
    "kbnn": "kho bac nha nuoc",
    "bhxh": "bao hiem xa hoi",
    "ldld": "lien doan lao dong",
    "bchqs": "bo chi huy quan su",
    "vp": "van phong",
    "kv": "khu vuc",
    "vhttdl": "van hoa the thao va du lich",
    "ldtbxh": "lao dong thuong binh va xa hoi",
    "khcn": "khoa hoc va cong nghe",
    "khdt": "ke hoach va dau tu",
    "nnptnt": "nong nghiep va phat trien nong thon",
    "nnmt": "nong nghiep va moi truong",
    "tnmt": "tai nguyen va moi truong",
    "gddt": "giao duc va dao tao",
    "tttt": "thong tin va truyen thong",
    "gtvt": "giao thong van tai",
    "ptth": "phat thanh va truyen hinh",
}

#: Abbreviations of offices, used in leader titles only ("PCT TT UBND TP").
OFFICE_ABBREVIATIONS: dict[str, str] = {
    **ABBREVIATIONS,
    "pct": "pho chu tich",
    "ct": "chu tich",
    "tt": "thuong truc",
    "pbt": "pho bi thu",
    "gd": "giam doc",
    "pgd": "pho giam doc",
    "cvp": "chanh van phong",
}

#: Roman numerals of numbered areas ("khu vực III" = "khu vực 3").
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
          "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17, "xviii": 18,
          "xix": 19, "xx": 20}

#: Kinds by the folded key: the first rule whose pattern matches wins.
KIND_RULES: tuple[tuple[str, AgencyKind], ...] = (
    (r"\b(?:thanh|tinh|quan|huyen|thi|dang) uy\b|\bdang bo\b|^ban chap hanh\b", AgencyKind.PARTY),
    (r"^(?:cong an|canh sat)\b", AgencyKind.POLICE),
    (r"^uy ban nhan dan (?:cac )?(?:quan|huyen|xa|phuong|thi xa|thi tran|cap)\b", AgencyKind.LOCAL),
    (r"^so\b", AgencyKind.DEPARTMENT),
    (r"^ban\b", AgencyKind.BOARD),
    (r"^(?:chi cuc|chi nhanh|cuc|kho bac nha nuoc|bao hiem xa hoi)\b", AgencyKind.BRANCH),
)

#: Customary abbreviations of the words of a name, used for ``Agency.short_name`` (not for a "Sở",
#: which is shortened to "Sở" + the initials of its field: "Sở KH&CN", "Sở VH,TT&DL", "Sở TC").
SHORT_PHRASES: tuple[tuple[str, str], ...] = (
    ("ban quan ly du an", "BQLDA"),
    ("ban quan ly", "BQL"),
    ("uy ban nhan dan", "UBND"),
    ("hoi dong nhan dan", "HĐND"),
    ("mat tran to quoc", "MTTQ"),
    ("khu kinh te", "KKT"),
    ("khu cong nghiep", "KCN"),
    ("cum cong nghiep", "CCN"),
    ("ngan hang nha nuoc", "NHNN"),
    ("kho bac nha nuoc", "KBNN"),
    ("bao hiem xa hoi", "BHXH"),
    ("chi nhanh", "CN"),
    ("cong an", "CA"),
    ("thanh pho", "TP"),
    ("khu vuc", "KV"),
)

# --------------------------------------------------------------------------------------------------
# Small text helpers
# --------------------------------------------------------------------------------------------------

# Old-style tone placement ("uỷ", "hoá") to the modern one ("ủy", "hóa") at the end of a syllable.
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile("(" + "|".join(_OLD_TONES) + r")(?!\w)")


def _head_form(text: str) -> str:
    """Lower-case NFC with modern tone placement: how words are compared with AGENCY_HEADS."""
    lowered = nfc(text).lower()
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], lowered)


_HEADS_BY_LENGTH = sorted(AGENCY_HEADS, key=len, reverse=True)


def _starts_with_head(text: str) -> bool:
    form = _head_form(text.strip())
    return any(form == h or (form.startswith(h) and not form[len(h)].isalnum()) for h in _HEADS_BY_LENGTH)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _member_phrases(words: list[str]) -> list[str] | None:
    """The folded words cut into COLLECTIVE_MEMBERS phrases (longest first), or None if they are not."""
    phrases = sorted((p.split() for p in COLLECTIVE_MEMBERS), key=len, reverse=True)
    out: list[str] = []
    i = 0
    while i < len(words):
        for phrase in phrases:
            if words[i : i + len(phrase)] == phrase:
                out.append(" ".join(phrase))
                i += len(phrase)
                break
        else:
            return None
    return out


def _is_member_list(text: str) -> bool:
    """ "ngành", "các địa phương", "ban ngành liên quan": only member words of a collective."""
    words = _words(fold(text))
    while words and words[0] in ("cac", "nhung"):
        words = words[1:]
    return bool(words) and _member_phrases(words) is not None


def _opens_collective(text: str) -> bool:
    folded = " ".join(_words(fold(text)))
    return any(folded == o or folded.startswith(o + " ") for o in COLLECTIVE_OPENINGS)


@functools.lru_cache(maxsize=8192)  # pure, and called for every cell of every task table
def _is_collective_text(text: str) -> bool:
    if _opens_collective(text):
        return True
    pieces = [p for p in re.split(r"[,;/]", text) if _words(p)]
    return len(pieces) >= 2 and all(_is_member_list(p) for p in pieces)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# --------------------------------------------------------------------------------------------------
# Splitting a cell
# --------------------------------------------------------------------------------------------------

_HARD_SEPARATOR = re.compile(r"\s*;\s*")
_SOFT_SEPARATOR = re.compile(r"(\s*,\s*|\s*\n\s*|\s+(?:và|với)\s+)", re.IGNORECASE)
_BULLET = re.compile(r"^[-+•*–—]\s+")
_EDGE_JUNK = " \t\n,.;:"


@functools.lru_cache(maxsize=8192)
def _split_cached(cell: str) -> tuple[str, ...]:
    return tuple(split_agencies(cell))


#: Head words that open a second body even without a separator before them, when written with a
#: capital inside a cell: "Sở Khoa học và Công nghệ Sở Công Thương", "Sở Tài chính Các sở, ngành".
RUN_TOGETHER_HEADS: tuple[str, ...] = ("Sở", "Các")

#: Words after which such a head belongs to the same name ("Văn phòng Sở", "Giám đốc Sở").
_OWNER_WORDS = ("văn phòng", "phòng", "thanh tra", "giám đốc", "lãnh đạo", "của", "thuộc", "và", "với", "cùng")

_RUN_TOGETHER = re.compile(r"(?<=[^\W\d_])\s+(?=(?:" + "|".join(RUN_TOGETHER_HEADS) + r")\s+[^\W\d_])")
_REPEATED_HEAD = re.compile(r"(?<!\w)(" + "|".join(re.escape(h) for h in ("Sở", "Ban", "Bộ", "Cục", "UBND")) + r")\s+\1(?!\w)",
                            re.IGNORECASE)


def _run_together(chunk: str) -> list[int]:
    """Where a chunk holds two agencies with no separator between them: the positions of the second
    agencies' first letters. The text before must be a name of its own (a head word, two words or more)."""
    cuts = []
    start = 0
    for m in _RUN_TOGETHER.finditer(chunk):
        before = chunk[start : m.start()].strip(_EDGE_JUNK)
        lowered = _head_form(before)
        if (len(_words(before)) >= 2 and _starts_with_head(before)
                and not any(lowered.endswith(" " + w) or lowered == w for w in _OWNER_WORDS)):
            cuts.append(m.end())
            start = m.end()
    return cuts


def agency_cell_findings(cell: str) -> list[tuple[str, str]]:
    """What in an agency cell deserves a warning, as (code, message); the cell is never rewritten.

    ``agency-separator``: two agencies written without a separator (they are read as two);
    ``agency-typo``: a head word written twice ("Sở Sở Công thương"; read as "Sở Công thương").
    """
    text = clean(cell or "")
    findings = []
    for chunk in _HARD_SEPARATOR.split(text):
        start = 0
        for cut in _run_together(chunk):
            before, after = chunk[start:cut].strip(), chunk[cut:]
            nxt = _run_together(after)
            after = after[: nxt[0]].strip() if nxt else after.strip()
            written = f"{before[-40:].lstrip()} {after.split(',')[0].strip()}"
            findings.append(("agency-separator", f"two agencies written without a separator: “{written}” "
                             f"is read as “{before}” and “{after}”"))
            start = cut
    for m in _REPEATED_HEAD.finditer(text):
        name = re.split(r"[;,\n]", text[m.start():])[0].strip()
        findings.append(("agency-typo", f"“{m.group(1)}” written twice: “{name}” is read as one “{m.group(1)}”"))
    return findings


def split_agencies(cell: str) -> list[str]:
    """The agencies a cell lists, as written (cleaned); a collective is never split.

    A name runs on until a segment (after ",", a line break, or " và "/" với ") opens with an
    agency head word (AGENCY_HEADS, including "các"); ";" always separates. Inside a collective,
    segments made only of member words ("ngành", "đơn vị", "Ban") stay in the collective.
    """
    text = clean(cell or "")
    parts: list[str] = []
    chunks = []
    for chunk in _HARD_SEPARATOR.split(text):  # two agencies run together count as separated
        cuts = [0, *_run_together(chunk), len(chunk)]
        chunks.extend(chunk[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False))
    for chunk in chunks:
        pieces = _SOFT_SEPARATOR.split(chunk)
        current = _BULLET.sub("", pieces[0].strip())
        for i in range(1, len(pieces), 2):
            separator, segment = pieces[i], _BULLET.sub("", pieces[i + 1].strip())
            if not _words(segment):  # an empty or punctuation-only segment: nothing to name
                current += separator + segment
                continue
            starts_new = _starts_with_head(segment)
            if _is_collective_text(current) and _is_member_list(segment):
                starts_new = False
            if starts_new and _words(current):
                parts.append(current)
                current = segment
            elif not _words(current):  # nothing named yet: a "và"/"với" here joins nothing, it is text
                current = f"{separator.strip()} {segment}" if _words(separator) else segment
            else:
                if "\n" in separator:
                    joiner = " "
                elif "," in separator:
                    joiner = ", "
                else:  # " và " / " với "
                    joiner = f" {separator.strip()} "
                current = f"{current}{joiner}{segment}"
        parts.append(current)
    return [p.strip(_EDGE_JUNK) for p in parts if _words(p)]


# --------------------------------------------------------------------------------------------------
# Keys
# --------------------------------------------------------------------------------------------------

_COMPOUNDS = [(re.compile(rf"(?<![a-z0-9]){pattern}(?![a-z0-9])"), words) for pattern, words in COMPOUND_ABBREVIATIONS]


def _expanded_tokens(text: str, table: dict[str, str]) -> list[str]:
    folded = fold(_REPEATED_HEAD.sub(r"\1", clean(text)))  # "Sở Sở Công thương" is "Sở Công thương"
    for pattern, words in _COMPOUNDS:
        folded = pattern.sub(f" {words} ", folded)
    folded = folded.replace("&", " va ")
    tokens: list[str] = []
    for word in _words(folded):
        tokens.extend(table.get(word, word).split())
    for i in range(2, len(tokens)):  # "khu vuc iii" -> "khu vuc 3"
        if tokens[i - 2 : i] == ["khu", "vuc"] and tokens[i] in _ROMAN:
            tokens[i] = str(_ROMAN[tokens[i]])
    return tokens


def _place_tokens(places: Iterable[str]) -> list[list[str]]:
    return sorted((_words(fold(p)) for p in places if _words(fold(p))), key=len, reverse=True)


def _strip_place(tokens: list[str], places: list[list[str]]) -> list[str]:
    """Drop a trailing "thành phố" ("thành phố Hải Phòng", "Hải Phòng" when the place is given)."""
    changed = True
    while changed and tokens:
        changed = False
        for place in places:
            if len(tokens) > len(place) and tokens[-len(place) :] == place:
                tokens = tokens[: -len(place)]
                changed = True
        if len(tokens) > 2 and tokens[-2:] == ["thanh", "pho"]:
            tokens = tokens[:-2]
            changed = True
    return tokens


def _collective_key(text: str, places: list[list[str]]) -> str:
    members: set[str] = set()
    body = re.sub(r"\s(?:và|với|cùng)\s", ",", nfc(text), flags=re.IGNORECASE)
    for piece in re.split(r"[,;/&]", body):
        words = _expanded_tokens(piece, ABBREVIATIONS)
        while True:  # "các", "những", "tất cả", "toàn bộ" open a member, they are not one
            if words[:1] in (["cac"], ["nhung"]):
                words = words[1:]
            elif " ".join(words[:2]) in ("tat ca", "toan bo", "toan the"):
                words = words[2:]
            else:
                break
        for qualifier in COLLECTIVE_QUALIFIERS:
            q = qualifier.split()
            if len(words) > len(q) and words[-len(q) :] == q:
                members.add("lien quan")
                words = words[: -len(q)]
                break
        words = _strip_place(words, places)
        if not words:
            continue
        phrases = _member_phrases(words)
        members.update(phrases if phrases is not None else [" ".join(words)])
    return "cac: " + ", ".join(sorted(members))


def agency_key(name: str, places: Iterable[str] = ()) -> str:
    """The key two spellings of one agency share.

    Folded (no diacritics, case, dash kind or spacing differences), abbreviations expanded
    ("UBND" -> "uy ban nhan dan", "KH&CN" -> "khoa hoc va cong nghe"), "khu vực III" = "khu vực 3",
    a trailing "thành phố" (and a trailing place from ``places``) dropped. A collective's key is
    "cac: " and its sorted member words, so order and repetition do not matter.
    """
    place_tokens = _place_tokens(places)
    if _is_collective_text(clean(name)):
        return _collective_key(clean(name), place_tokens)
    return " ".join(_strip_place(_expanded_tokens(name, ABBREVIATIONS), place_tokens))


@functools.lru_cache(maxsize=8192)
def _cached_key(name: str, places: tuple[str, ...]) -> str:
    return agency_key(name, places)


def classify_agency(name: str) -> AgencyKind:
    """The kind of agency a name denotes, from its head words (KIND_RULES)."""
    if _is_collective_text(clean(name)):
        return AgencyKind.COLLECTIVE
    key = " ".join(_expanded_tokens(name, ABBREVIATIONS))
    for pattern, kind in KIND_RULES:
        if re.search(pattern, key):
            return kind
    return AgencyKind.OTHER


def _initials(text: str) -> str:
    """ "Khoa học và Công nghệ" -> "KH&CN", "Văn hóa, Thể thao và Du lịch" -> "VH,TT&DL"."""
    out = []
    for token in re.findall(r"\w+|[,\-–—&]", text):
        low = token.lower()
        if low in ("và", "&"):
            out.append("&")
        elif token in ",":
            out.append(",")
        elif token in "-–—":
            out.append("-")
        elif token.isdigit() or (token.lower() in _ROMAN and token.isupper()):
            out.append(" " + token)
        else:
            out.append(token[0].upper())
    return "".join(out).strip()


def short_name(name: str) -> str:
    """A customary short form, or "" when there is none shorter than the name.

    "Sở" + initials of its field, the way Vietnamese offices write it ("Sở TC", "Sở KH&CN",
    "Sở VH,TT&DL"); other names with SHORT_PHRASES replaced ("BQL KKT Hải Phòng", "CA TP").
    Collectives have none.
    """
    text = clean(name)
    if not text or _is_collective_text(text):
        return ""
    match = re.match(r"(?i)sở\s+(.+)", text)
    if match:
        rest = match.group(1)
        place = re.search(r"\s+(?:thành phố|tỉnh)\b.*$", rest, re.IGNORECASE)
        field_ = rest[: place.start()] if place else rest
        short = "Sở " + _initials(field_)
    else:
        words = text.split()
        folded = [" ".join(_words(fold(w))) for w in words]
        out: list[str] = []
        i = 0
        while i < len(words):
            for phrase, abbreviation in SHORT_PHRASES:
                n = len(phrase.split())
                if " ".join(folded[i : i + n]) == phrase:
                    out.append(abbreviation)
                    i += n
                    break
            else:
                out.append(words[i])
                i += 1
        short = " ".join(out)
    return short if len(short) < len(text) else ""


# --------------------------------------------------------------------------------------------------
# Agency directory
# --------------------------------------------------------------------------------------------------


@dataclass
class _Entry:
    agency: Agency
    spellings: Counter = field(default_factory=Counter)
    order: dict[str, int] = field(default_factory=dict)

    def see(self, spelling: str) -> None:
        self.spellings[spelling] += 1
        self.order.setdefault(spelling, len(self.order))

    def canonical(self) -> str:
        return min(self.spellings, key=lambda s: (-self.spellings[s], self.order[s]))


class AgencyDirectory:
    """One ``Agency`` per ``agency_key``; canonical name = most frequent spelling, ties to the first."""

    def __init__(self, places: Iterable[str] = ()) -> None:
        self.places = tuple(places)
        self._entries: dict[str, _Entry] = {}

    def key(self, raw: str) -> str:
        return _cached_key(raw, self.places)

    def resolve(self, raw: str) -> Agency:
        """Register one spelling of one agency and return its entry (the same object for one key)."""
        written = clean(raw).strip(_EDGE_JUNK)
        if not _words(written):
            raise ValueError(f"not an agency name: {raw!r}")
        key = self.key(written)
        collective = _is_collective_text(written)
        spelling = _capitalise(written) if collective else written
        entry = self._entries.get(key)
        if entry is None:
            kind = AgencyKind.COLLECTIVE if collective else classify_agency(written)
            entry = self._entries[key] = _Entry(Agency(name=spelling, kind=kind))
        entry.see(spelling)
        agency = entry.agency
        agency.name = entry.canonical()
        agency.short_name = short_name(agency.name)
        agency.aliases.add(written)
        agency.aliases.add(spelling)
        agency.aliases.discard(agency.name)
        for alias in entry.spellings:
            if alias != agency.name:
                agency.aliases.add(alias)
        return agency

    def resolve_cell(self, cell: str | None) -> list[str]:
        """The canonical names of the agencies a cell lists, de-duplicated, in order."""
        names: list[str] = []
        for part in _split_cached(cell or ""):
            name = self.resolve(part).name
            if name not in names:
                names.append(name)
        return names

    def lookup(self, raw: str) -> Agency | None:
        """The entry a spelling resolves to, without registering it."""
        entry = self._entries.get(self.key(raw))
        return entry.agency if entry else None

    def agencies(self) -> list[Agency]:
        return sorted((e.agency for e in self._entries.values()), key=lambda a: (fold(a.name), a.name))


# --------------------------------------------------------------------------------------------------
# Leaders
# --------------------------------------------------------------------------------------------------

_HONORIFIC = r"(?:đồng\s+chí|đ\s*/\s*c|đ\.\s*c\.?)"
_COLLECTIVE_LEADER = re.compile(rf"^(?:các|những)\s+(?:{_HONORIFIC}\s+)?", re.IGNORECASE)
_HONORIFIC_PREFIX = re.compile(rf"^{_HONORIFIC}\s*[:.]?\s*", re.IGNORECASE)
_TITLE_START = re.compile(
    r"(?<!\w)(?:(?:phó\s+)?(?:chủ\s+tịch|giám\s+đốc|bí\s+thư|trưởng\s+ban|chánh\s+văn\s+phòng)"
    r"|(?:ủy|uỷ)\s+viên|thủ\s+trưởng|lãnh\s+đạo|pct|ct|pbt|cvp)(?!\w)",
    re.IGNORECASE,
)
_NAME_IN_BRACKETS = re.compile(rf"^(.*?)\s*\(\s*{_HONORIFIC}\s+([^)]+)\)\s*$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_]*$")
_SEPARATORS = " \t\n-–—,:;("


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)


def parse_leader(cell: str) -> tuple[str | None, str, bool]:
    """(person's name or None, office title, collective?) of a "leader" cell.

    "Đồng chí Lê Anh Quân – Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố" ->
    ("Lê Anh Quân", "Phó Chủ tịch Thường trực Ủy ban nhân dân thành phố", False); the name and the
    title may be separated by any dash, a comma or nothing; "Đ/c" and a lower-case "đồng chí" are
    read too; "Các (đồng chí) Phó Chủ tịch ... liên quan" is a collective titled "Các Phó Chủ tịch ...".
    """
    text = " ".join(clean(cell or "").split()).strip(" .;,")
    collective = _COLLECTIVE_LEADER.match(text)
    if collective:
        rest = text[collective.end() :].strip()
        return None, ("Các " + rest) if rest else "Các", True
    text = _HONORIFIC_PREFIX.sub("", text).strip()
    bracketed = _NAME_IN_BRACKETS.match(text)
    if bracketed and _looks_like_name(bracketed.group(2).strip()):
        return bracketed.group(2).strip(), bracketed.group(1).strip(_SEPARATORS), False
    title_at = _TITLE_START.search(text)
    head = text[: title_at.start()] if title_at else text
    name = head.strip(_SEPARATORS)
    separated = bool(title_at) and bool(re.search(r"[-–—,:]\s*$", head))  # "lê anh quân - phó chủ tịch"
    if name and (_looks_like_name(name) or (separated and _looks_like_name(name.title()))):
        title = text[title_at.start() :].strip(_SEPARATORS) if title_at else ""
        return name, title, False
    return None, text.strip(_SEPARATORS), False


def office_key(title: str, places: Iterable[str] = ()) -> str:
    """The key of an office: folded, "PCT"/"UBND"/"TP" expanded, trailing "thành phố" dropped."""
    tokens = _expanded_tokens(title, OFFICE_ABBREVIATIONS)
    while tokens[:2] == ["dong", "chi"]:
        tokens = tokens[2:]
    return " ".join(_strip_place(tokens, _place_tokens(places)))


@dataclass
class _LeaderEntry:
    leader: Leader
    names: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    order: dict[str, int] = field(default_factory=dict)

    def _first(self, text: str) -> int:
        return self.order.setdefault(text, len(self.order))


class LeaderDirectory:
    """One ``Leader`` per person, per office when no name is given, and per collective."""

    def __init__(self, places: Iterable[str] = ()) -> None:
        self.places = tuple(places)
        self._entries: dict[str, _LeaderEntry] = {}
        self._known_offices: dict[str, str] = {}  # office key -> person entry key

    def _office(self, title: str) -> str:
        return office_key(title, self.places)

    def _person(self, name: str, title: str, spelling: str) -> Leader:
        key = "person: " + " ".join(_words(fold(name)))
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _LeaderEntry(Leader(name=name, title=title))
        entry.names[name] += 1
        entry._first(name)
        if title:
            entry.titles[title] += 1
            entry._first(title)
        leader = entry.leader
        leader.name = min(entry.names, key=lambda n: (-entry.names[n], entry.order[n]))
        if entry.titles:  # the most complete title: longest office key, then most frequent, then first
            leader.title = min(entry.titles, key=lambda t: (-len(self._office(t)), -entry.titles[t], entry.order[t]))
        self._alias(leader, spelling)
        return leader

    @staticmethod
    def _alias(leader: Leader, spelling: str) -> None:
        if spelling and spelling != leader.name:
            leader.aliases.add(spelling)
        leader.aliases.discard(leader.name)

    def add_known(self, name: str, title: str) -> Leader:
        """Register a named office holder (a document's signer): office-only references resolve to them."""
        name, title = clean(name), clean(title)
        if not _words(name):
            raise ValueError(f"not a person's name: {name!r}")
        leader = self._person(name, title, "")
        person_key = "person: " + " ".join(_words(fold(name)))
        office = self._office(title)
        if office:
            self._known_offices[office] = person_key
            merged = self._entries.pop("office: " + office, None)  # seen before the holder was known
            if merged is not None:
                leader.aliases |= merged.leader.aliases | {merged.leader.name}
                leader.aliases.discard(leader.name)
        return leader

    def resolve(self, cell: str | None) -> Leader | None:
        """The leader a cell names; None for an empty cell."""
        spelling = " ".join(clean(cell or "").split()).strip(" .;,")
        if not _words(spelling):
            return None
        name, title, collective = parse_leader(spelling)
        if name:
            return self._person(name, title, spelling)
        if not _words(title):
            return None
        office = self._office(title)
        if collective:
            key = "collective: " + office
        elif office in self._known_offices:
            leader = self._entries[self._known_offices[office]].leader
            self._alias(leader, spelling)
            return leader
        else:
            key = "office: " + office
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _LeaderEntry(Leader(name=title, title=title, collective=collective))
        entry.titles[title] += 1
        entry._first(title)
        leader = entry.leader
        leader.name = leader.title = min(entry.titles, key=lambda t: (-entry.titles[t], entry.order[t]))
        self._alias(leader, spelling)
        for other in entry.titles:
            self._alias(leader, other)
        return leader

    def lookup(self, cell: str) -> Leader | None:
        """The entry a cell resolves to, without registering it."""
        name, title, collective = parse_leader(cell or "")
        if name:
            entry = self._entries.get("person: " + " ".join(_words(fold(name))))
        elif collective:
            entry = self._entries.get("collective: " + self._office(title))
        else:
            office = self._office(title)
            entry = self._entries.get(self._known_offices.get(office, "office: " + office))
        return entry.leader if entry else None

    def leaders(self) -> list[Leader]:
        return sorted((e.leader for e in self._entries.values()), key=lambda x: (fold(x.name), x.name))
