"""The shell's tokenizer: words (with their quoting kept as parts), operators, redirections.

A word is a list of parts: :class:`Lit` (literal text, quoted or not), :class:`Param`
(``$x``, ``${x:-d}``), :class:`CmdSub` (``$(...)`` and backticks), :class:`Arith`
(``$((...))``). The parser decides which words are reserved words or assignments; the
interpreter expands the parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ShellSyntaxError", "Lit", "Param", "CmdSub", "Arith", "Word", "Token", "Lexer", "parse_word"]


class ShellSyntaxError(Exception):
    """A syntax error, worded as busybox ash words it (``unexpected "fi"``)."""


@dataclass(slots=True)
class Lit:
    text: str
    quoted: bool = False


@dataclass(slots=True)
class Param:
    name: str
    op: str = ""  # "", ":-", "-", ":=", "=", ":?", "?", ":+", "+", "#", "##", "%", "%%", "len"
    arg: Word | None = None
    quoted: bool = False


@dataclass(slots=True)
class CmdSub:
    source: str
    quoted: bool = False
    node: object = None  # parsed lazily


@dataclass(slots=True)
class Arith:
    expr: Word
    quoted: bool = False


Part = Lit | Param | CmdSub | Arith


@dataclass(slots=True)
class Word:
    parts: list[Part]
    raw: str
    # the literal value when the word is all unquoted literal text (fast path)
    plain: str | None = None
    has_dq: bool = False

    def is_literal(self) -> bool:
        return all(isinstance(p, Lit) for p in self.parts)

    def literal(self) -> str:
        return "".join(p.text for p in self.parts if isinstance(p, Lit))


@dataclass(slots=True)
class Token:
    kind: str  # "word", "op", "nl", "eof", "redir", "io_number"
    value: str
    word: Word | None = None
    line: int = 1
    heredoc: list[str] = field(default_factory=list)


OPERATORS = ("&&", "||", ";;", "<<-", "<<", ">>", "<&", ">&", "<>", ">|", "&", "|", ";", "(", ")", "<", ">")
_METACHARS = set(" \t\n;&|()<>")
_SPECIAL_PARAMS = set("@*#?-$!0123456789")


def _is_name_start(c: str) -> bool:
    return c.isalpha() or c == "_"


def _is_name_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _find_close_paren(src: str, i: int) -> int:
    """Index just after the ``)`` that closes a ``$(`` whose body starts at ``i``."""
    depth = 1
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "'":
            j = src.find("'", i + 1)
            if j < 0:
                raise ShellSyntaxError("unterminated quoted string")
            i = j + 1
            continue
        if c == '"':
            i = _skip_dquote(src, i + 1)
            continue
        if c == "`":
            j = i + 1
            while j < n and src[j] != "`":
                j += 2 if src[j] == "\\" else 1
            i = j + 1
            continue
        if c == "#" and (i == 0 or src[i - 1] in " \t\n;"):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ShellSyntaxError('unexpected end of file (expecting ")")')


def _skip_dquote(src: str, i: int) -> int:
    """Index just after the closing ``"`` of a string whose body starts at ``i``."""
    n = len(src)
    while i < n:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == '"':
            return i + 1
        if c == "$" and src.startswith("$(", i):
            i = _find_close_paren(src, i + 2)
            continue
        if c == "$" and src.startswith("${", i):
            i = _find_brace(src, i + 2)
            continue
        if c == "`":
            j = i + 1
            while j < n and src[j] != "`":
                j += 2 if src[j] == "\\" else 1
            i = j + 1
            continue
        i += 1
    raise ShellSyntaxError("unterminated quoted string")


def _find_brace(src: str, i: int) -> int:
    """Index just after the ``}`` closing a ``${`` whose body starts at ``i``."""
    n = len(src)
    depth = 1
    while i < n:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "'":
            j = src.find("'", i + 1)
            if j < 0:
                raise ShellSyntaxError("unterminated quoted string")
            i = j + 1
            continue
        if c == '"':
            i = _skip_dquote(src, i + 1)
            continue
        if src.startswith("${", i):
            depth += 1
            i += 2
            continue
        if c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ShellSyntaxError("missing '}'")


class _WordScanner:
    """Scans one word starting at ``i`` and builds its parts."""

    def __init__(self, src: str, i: int, stop: set[str] | None = None) -> None:
        self.src = src
        self.i = i
        self.parts: list[Part] = []
        self.buf: list[str] = []
        self.stop = _METACHARS if stop is None else stop
        self.has_dq = False

    def flush(self, quoted: bool = False) -> None:
        if self.buf:
            text = "".join(self.buf)
            self.buf = []
            if self.parts and isinstance(self.parts[-1], Lit) and self.parts[-1].quoted == quoted:
                self.parts[-1].text += text
            else:
                self.parts.append(Lit(text, quoted))

    def add(self, part: Part) -> None:
        self.parts.append(part)

    def scan(self) -> int:
        src, n = self.src, len(self.src)
        while self.i < n:
            c = src[self.i]
            if c in self.stop:
                break
            if c == "\\":
                if self.i + 1 < n:
                    if src[self.i + 1] == "\n":
                        self.i += 2
                        continue
                    self.flush()
                    self.buf.append(src[self.i + 1])
                    self.flush(True)
                    self.i += 2
                else:
                    self.buf.append("\\")
                    self.i += 1
                continue
            if c == "'":
                j = src.find("'", self.i + 1)
                if j < 0:
                    raise ShellSyntaxError("unterminated quoted string")
                self.flush()
                self.buf.append(src[self.i + 1 : j])
                self.flush(True)
                if j == self.i + 1:
                    self.parts.append(Lit("", True))
                self.i = j + 1
                continue
            if c == '"':
                self.flush()
                self.has_dq = True
                self.i = self.scan_dquote(self.i + 1)
                continue
            if c == "$" and self.scan_dollar(False):
                continue
            if c == "`":
                self.flush()
                self.i = self.scan_backtick(self.i + 1, False)
                continue
            self.buf.append(c)
            self.i += 1
        self.flush()
        return self.i

    def scan_dquote(self, i: int) -> int:
        src, n = self.src, len(self.src)
        start_parts = len(self.parts)
        self.i = i
        while True:
            if self.i >= n:
                raise ShellSyntaxError("unterminated quoted string")
            c = src[self.i]
            if c == '"':
                self.flush(True)
                if len(self.parts) == start_parts:
                    self.parts.append(Lit("", True))
                return self.i + 1
            if c == "\\" and self.i + 1 < n and src[self.i + 1] in '$`"\\\n':
                if src[self.i + 1] != "\n":
                    self.buf.append(src[self.i + 1])
                self.i += 2
                continue
            if c == "$":
                self.flush(True)
                if self.scan_dollar(True):
                    continue
                self.buf.append("$")
                self.i += 1
                continue
            if c == "`":
                self.flush(True)
                self.i = self.scan_backtick(self.i + 1, True)
                continue
            self.buf.append(c)
            self.i += 1

    def scan_backtick(self, i: int, quoted: bool) -> int:
        src, n = self.src, len(self.src)
        out: list[str] = []
        while i < n and src[i] != "`":
            if src[i] == "\\" and i + 1 < n and src[i + 1] in "$`\\":
                out.append(src[i + 1])
                i += 2
                continue
            out.append(src[i])
            i += 1
        if i >= n:
            raise ShellSyntaxError("unterminated quoted string")
        self.add(CmdSub("".join(out), quoted))
        return i + 1

    def scan_dollar(self, quoted: bool) -> bool:
        """Scan a ``$`` expansion at ``self.i``; False if the ``$`` is literal."""
        src, n, i = self.src, len(self.src), self.i
        nxt = src[i + 1] if i + 1 < n else ""
        if nxt == "(":
            self.flush(quoted)
            if src.startswith("((", i + 1):
                end = self._find_arith_end(i + 3)
                if end is not None:
                    body = src[i + 3 : end]
                    self.add(Arith(parse_word(body, stop=set(), dquote=True), quoted))
                    self.i = end + 2
                    return True
            end = _find_close_paren(src, i + 2)
            self.add(CmdSub(src[i + 2 : end - 1], quoted))
            self.i = end
            return True
        if nxt == "{":
            self.flush(quoted)
            end = _find_brace(src, i + 2)
            self.add(_parse_braced(src[i + 2 : end - 1], quoted))
            self.i = end
            return True
        if nxt and _is_name_start(nxt):
            self.flush(quoted)
            j = i + 1
            while j < n and _is_name_char(src[j]):
                j += 1
            self.add(Param(src[i + 1 : j], quoted=quoted))
            self.i = j
            return True
        if nxt and nxt in _SPECIAL_PARAMS:
            self.flush(quoted)
            self.add(Param(nxt, quoted=quoted))
            self.i = i + 2
            return True
        if not quoted:
            self.buf.append("$")
            self.i += 1
            return True
        return False

    def _find_arith_end(self, i: int) -> int | None:
        src, n = self.src, len(self.src)
        depth = 0
        while i < n:
            c = src[i]
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    return i if src.startswith("))", i) else None
                depth -= 1
            i += 1
        raise ShellSyntaxError('unexpected end of file (expecting ")")')


_PARAM_OPS = (":-", ":=", ":?", ":+", "##", "%%", "-", "=", "?", "+", "#", "%")


def _parse_braced(body: str, quoted: bool) -> Param:
    if body.startswith("#") and len(body) > 1:
        name = body[1:]
        if _valid_param_name(name):
            return Param(name, "len", quoted=quoted)
        raise ShellSyntaxError("bad substitution")
    j = 0
    n = len(body)
    if j < n and body[j] in _SPECIAL_PARAMS:
        j = 1
        if body[0].isdigit():
            while j < n and body[j].isdigit():
                j += 1
    else:
        while j < n and _is_name_char(body[j]):
            j += 1
    name = body[:j]
    if not name or not _valid_param_name(name):
        raise ShellSyntaxError("bad substitution")
    rest = body[j:]
    if not rest:
        return Param(name, quoted=quoted)
    for op in _PARAM_OPS:
        if rest.startswith(op):
            arg = parse_word(rest[len(op) :], stop=set(), dquote=quoted)
            return Param(name, op, arg, quoted)
    raise ShellSyntaxError("bad substitution")


def _valid_param_name(name: str) -> bool:
    if len(name) == 1 and name in _SPECIAL_PARAMS:
        return True
    if name.isdigit():
        return True
    return _is_name_start(name[0]) and all(_is_name_char(c) for c in name)


def parse_word(text: str, stop: set[str] | None = None, dquote: bool = False) -> Word:
    """Parse ``text`` as one word (``dquote``: as the inside of double quotes)."""
    sc = _WordScanner(text, 0, stop)
    if dquote:
        sc.src = text + '"'
        sc.i = sc.scan_dquote(0)
        parts = [p for p in sc.parts if not (isinstance(p, Lit) and p.text == "")] or [Lit("", True)]
        return Word(parts, text, has_dq=True)
    sc.scan()
    return _make_word(sc.parts, text, sc.has_dq)


def _make_word(parts: list[Part], raw: str, has_dq: bool) -> Word:
    plain = None
    if len(parts) == 1 and isinstance(parts[0], Lit) and not parts[0].quoted:
        plain = parts[0].text
    return Word(parts, raw, plain, has_dq)


class Lexer:
    """Turns source text into tokens, one at a time (the parser asks for the next)."""

    def __init__(self, src: str) -> None:
        self.src = src
        self.i = 0
        self.line = 1
        self.pending_heredocs: list[tuple[Token, str, bool, bool]] = []

    def next(self) -> Token:
        src, n = self.src, len(self.src)
        while self.i < n:
            c = src[self.i]
            if c in " \t":
                self.i += 1
                continue
            if c == "\\" and src.startswith("\\\n", self.i):
                self.i += 2
                self.line += 1
                continue
            if c == "#":
                j = src.find("\n", self.i)
                self.i = n if j < 0 else j
                continue
            break
        if self.i >= n:
            return Token("eof", "", line=self.line)
        c = src[self.i]
        line = self.line
        if c == "\n":
            self.i += 1
            self.line += 1
            if self.pending_heredocs:
                self._read_heredocs()
            return Token("nl", "\n", line=line)
        for op in OPERATORS:
            if src.startswith(op, self.i):
                self.i += len(op)
                if op in ("<", ">", ">>", "<<", "<<-", "<&", ">&", "<>", ">|"):
                    return Token("redir", op, line=line)
                return Token("op", op, line=line)
        start = self.i
        if c.isdigit():
            j = self.i
            while j < n and src[j].isdigit():
                j += 1
            if j < n and src[j] in "<>":
                self.i = j
                return Token("io_number", src[start:j], line=line)
        sc = _WordScanner(src, self.i)
        end = sc.scan()
        self.line += src.count("\n", start, end)
        self.i = end
        raw = src[start:end]
        return Token("word", raw, _make_word(sc.parts, raw, sc.has_dq), line=line)

    def add_heredoc(self, tok: Token, delim_word: Word, strip_tabs: bool) -> None:
        quoted = any(isinstance(p, Lit) and p.quoted for p in delim_word.parts)
        delim = delim_word.literal()
        self.pending_heredocs.append((tok, delim, strip_tabs, quoted))

    def _read_heredocs(self) -> None:
        src = self.src
        for tok, delim, strip, quoted in self.pending_heredocs:
            lines: list[str] = []
            while self.i < len(src):
                j = src.find("\n", self.i)
                end = len(src) if j < 0 else j
                line = src[self.i : end]
                self.i = end + 1 if j >= 0 else end
                self.line += 1
                if strip:
                    line = line.lstrip("\t")
                if line == delim:
                    break
                lines.append(line + "\n")
            body = "".join(lines)
            tok.heredoc = [body, "quoted" if quoted else ""]
        self.pending_heredocs = []
