"""The shell's grammar (POSIX, as busybox ash parses it) into a small tree of nodes.

:class:`Parser` hands out one complete command at a time (:meth:`Parser.next_command`), as ash
does: a script runs line by line, so a syntax error on line 3 stops it after lines 1 and 2 ran.
Errors read as ash's: ``syntax error: unexpected "fi"``,
``syntax error: unexpected end of file (expecting "done")``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sandbox.images.busybox.lexer import Lexer, Lit, ShellSyntaxError, Token, Word, parse_word

__all__ = [
    "Node",
    "Simple",
    "Redirect",
    "Pipeline",
    "AndOr",
    "ListNode",
    "Background",
    "Group",
    "Subshell",
    "If",
    "Loop",
    "For",
    "Case",
    "FuncDef",
    "Parser",
    "parse",
]

RESERVED = {"if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "{", "}", "!", "in"}
_ASSIGN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Node:
    """A parsed command."""

    __slots__ = ()


@dataclass(slots=True)
class Redirect:
    fd: int
    op: str  # "<", ">", ">>", ">|", "<>", "<&", ">&", "<<", "<<-"
    target: Word
    heredoc: Token | None = None


@dataclass(slots=True)
class Simple(Node):
    assigns: list[tuple[str, Word]]
    words: list[Word]
    redirects: list[Redirect]
    line: int = 1


@dataclass(slots=True)
class Pipeline(Node):
    commands: list[Node]
    negate: bool = False


@dataclass(slots=True)
class AndOr(Node):
    first: Node
    rest: list[tuple[str, Node]]  # ("&&" | "||", pipeline)


@dataclass(slots=True)
class ListNode(Node):
    items: list[Node]


@dataclass(slots=True)
class Background(Node):
    command: Node


@dataclass(slots=True)
class Group(Node):
    body: Node
    redirects: list[Redirect] = field(default_factory=list)


@dataclass(slots=True)
class Subshell(Node):
    body: Node
    redirects: list[Redirect] = field(default_factory=list)


@dataclass(slots=True)
class If(Node):
    branches: list[tuple[Node, Node]]
    orelse: Node | None
    redirects: list[Redirect] = field(default_factory=list)


@dataclass(slots=True)
class Loop(Node):
    cond: Node
    body: Node
    until: bool = False
    redirects: list[Redirect] = field(default_factory=list)


@dataclass(slots=True)
class For(Node):
    var: str
    items: list[Word] | None  # None: "$@"
    body: Node
    redirects: list[Redirect] = field(default_factory=list)


@dataclass(slots=True)
class Case(Node):
    subject: Word
    arms: list[tuple[list[Word], Node | None]]
    redirects: list[Redirect] = field(default_factory=list)


@dataclass(slots=True)
class FuncDef(Node):
    name: str
    body: Node


def _tokname(tok: Token) -> str:
    if tok.kind == "eof":
        return "end of file"
    if tok.kind == "nl":
        return "newline"
    if tok.kind in ("redir", "io_number"):
        return "redirection"
    if tok.kind == "word" and tok.value not in RESERVED:
        return "word"
    return f'"{tok.value}"'


class Parser:
    """Parses shell source; :meth:`next_command` gives one complete command at a time."""

    def __init__(self, src: str) -> None:
        self.lexer = Lexer(src)
        self.tok: Token = self.lexer.next()
        self._peeked: Token | None = None

    # ---------------------------------------------------------------- tokens

    def advance(self) -> Token:
        t = self.tok
        self.tok = self.lexer.next()
        return t

    def is_word(self, value: str) -> bool:
        t = self.tok
        return t.kind == "word" and t.value == value and t.word is not None and t.word.plain == value

    def is_op(self, value: str) -> bool:
        return self.tok.kind == "op" and self.tok.value == value

    def unexpected(self, expecting: str | None = None) -> ShellSyntaxError:
        msg = f"unexpected {_tokname(self.tok)}"
        if expecting:
            msg += f' (expecting "{expecting}")'
        return ShellSyntaxError(msg)

    def expect_word(self, value: str) -> None:
        if not self.is_word(value):
            raise self.unexpected(value)
        self.advance()

    def skip_newlines(self) -> None:
        while self.tok.kind == "nl":
            self.advance()

    # ---------------------------------------------------------------- top level

    def next_command(self) -> Node | None:
        """The next complete command (a line's list), or ``None`` at end of input."""
        self.skip_newlines()
        if self.tok.kind == "eof":
            return None
        node = self.parse_list(top=True)
        if self.tok.kind == "nl":
            self.advance()
        elif self.tok.kind != "eof":
            raise self.unexpected()
        return node

    def parse_all(self) -> Node:
        items: list[Node] = []
        while (n := self.next_command()) is not None:
            items.append(n)
        return items[0] if len(items) == 1 else ListNode(items)

    def _at_list_end(self, stops: tuple[str, ...]) -> bool:
        t = self.tok
        if t.kind == "eof":
            return True
        if t.kind == "op" and t.value in (")", ";;"):
            return True
        return t.kind == "word" and t.value in stops and t.word is not None and t.word.plain == t.value

    def parse_list(self, top: bool = False, stops: tuple[str, ...] = ()) -> Node:
        """A list: and-or lists separated by ``;``, ``&`` or (inside compounds) newlines."""
        items: list[Node] = []
        while True:
            if not top:
                self.skip_newlines()
            if self._at_list_end(stops) or (top and self.tok.kind == "nl"):
                break
            node = self.parse_and_or()
            if self.is_op("&"):
                self.advance()
                node = Background(node)
            elif self.is_op(";") or self.tok.kind == "nl" and not top:
                self.advance()
            items.append(node)
            if self.tok.kind == "eof" or (top and self.tok.kind == "nl"):
                break
        if not items:
            raise self.unexpected()
        return items[0] if len(items) == 1 else ListNode(items)

    def parse_compound_list(self, *stops: str) -> Node:
        self.skip_newlines()
        if self._at_list_end(stops):
            raise self.unexpected()
        return self.parse_list(stops=stops)

    def parse_and_or(self) -> Node:
        first = self.parse_pipeline()
        rest: list[tuple[str, Node]] = []
        while self.tok.kind == "op" and self.tok.value in ("&&", "||"):
            op = self.advance().value
            self.skip_newlines()
            rest.append((op, self.parse_pipeline()))
        return AndOr(first, rest) if rest else first

    def parse_pipeline(self) -> Node:
        negate = False
        if self.is_word("!"):
            self.advance()
            negate = True
        cmds = [self.parse_command()]
        while self.is_op("|"):
            self.advance()
            self.skip_newlines()
            cmds.append(self.parse_command())
        if len(cmds) == 1 and not negate:
            return cmds[0]
        return Pipeline(cmds, negate)

    # ---------------------------------------------------------------- commands

    def parse_command(self) -> Node:
        t = self.tok
        if t.kind == "word" and t.word is not None and t.word.plain is not None:
            v = t.value
            if v == "{":
                self.advance()
                body = self.parse_compound_list("}")
                self.expect_word("}")
                return Group(body, self.parse_redirects())
            if v == "if":
                return self.parse_if()
            if v in ("while", "until"):
                self.advance()
                cond = self.parse_compound_list("do")
                self.expect_word("do")
                body = self.parse_compound_list("done")
                self.expect_word("done")
                return Loop(cond, body, v == "until", self.parse_redirects())
            if v == "for":
                return self.parse_for()
            if v == "case":
                return self.parse_case()
            if v in ("then", "else", "elif", "fi", "do", "done", "esac", "}", "in"):
                raise self.unexpected()
        if self.is_op("("):
            self.advance()
            body = self.parse_compound_list()
            if not self.is_op(")"):
                raise self.unexpected(")")
            self.advance()
            return Subshell(body, self.parse_redirects())
        if t.kind == "op":
            raise self.unexpected()
        return self.parse_simple()

    def parse_if(self) -> Node:
        self.advance()
        branches: list[tuple[Node, Node]] = []
        cond = self.parse_compound_list("then")
        self.expect_word("then")
        body = self.parse_compound_list("elif", "else", "fi")
        branches.append((cond, body))
        orelse: Node | None = None
        while True:
            if self.is_word("elif"):
                self.advance()
                c = self.parse_compound_list("then")
                self.expect_word("then")
                b = self.parse_compound_list("elif", "else", "fi")
                branches.append((c, b))
                continue
            if self.is_word("else"):
                self.advance()
                orelse = self.parse_compound_list("fi")
            self.expect_word("fi")
            break
        return If(branches, orelse, self.parse_redirects())

    def parse_for(self) -> Node:
        self.advance()
        t = self.tok
        if t.kind != "word" or not _NAME.match(t.value):
            raise ShellSyntaxError("bad for loop variable" if t.kind == "word" else f"unexpected {_tokname(t)}")
        var = self.advance().value
        self.skip_newlines()
        items: list[Word] | None = None
        if self.is_word("in"):
            self.advance()
            items = []
            while self.tok.kind == "word":
                w = self.advance().word
                assert w is not None
                items.append(w)
            if self.is_op(";") or self.tok.kind == "nl":
                self.advance()
            else:
                raise self.unexpected("do") if not self.is_word("do") else self.unexpected()
        elif self.is_op(";"):
            self.advance()
        self.skip_newlines()
        self.expect_word("do")
        body = self.parse_compound_list("done")
        self.expect_word("done")
        return For(var, items, body, self.parse_redirects())

    def parse_case(self) -> Node:
        self.advance()
        if self.tok.kind != "word":
            raise self.unexpected()
        subject = self.advance().word
        assert subject is not None
        self.skip_newlines()
        self.expect_word("in")
        arms: list[tuple[list[Word], Node | None]] = []
        while True:
            self.skip_newlines()
            if self.is_word("esac"):
                self.advance()
                break
            if self.is_op("("):
                self.advance()
            pats: list[Word] = []
            while True:
                if self.tok.kind != "word":
                    raise self.unexpected()
                w = self.advance().word
                assert w is not None
                pats.append(w)
                if self.is_op("|"):
                    self.advance()
                    continue
                break
            if not self.is_op(")"):
                raise self.unexpected(")")
            self.advance()
            self.skip_newlines()
            body: Node | None = None
            if not (self.is_op(";;") or self.is_word("esac")):
                body = self.parse_list(stops=("esac",))
            arms.append((pats, body))
            if self.is_op(";;"):
                self.advance()
                continue
            self.skip_newlines()
            if self.is_word("esac"):
                self.advance()
                break
            raise self.unexpected("esac") if self.tok.kind == "eof" else self.unexpected()
        return Case(subject, arms, self.parse_redirects())

    def parse_redirect(self) -> Redirect | None:
        fd = -1
        if self.tok.kind == "io_number":
            fd = int(self.advance().value)
        if self.tok.kind != "redir":
            return None
        op_tok = self.advance()
        op = op_tok.value
        if self.tok.kind != "word":
            raise self.unexpected()
        target_tok = self.tok
        assert target_tok.word is not None
        if op in ("<<", "<<-"):
            # register before the lexer reads past the end of this line
            self.lexer.add_heredoc(target_tok, target_tok.word, op == "<<-")
        self.advance()
        if fd < 0:
            fd = 0 if op in ("<", "<&", "<>", "<<", "<<-") else 1
        r = Redirect(fd, op, target_tok.word)
        if op in ("<<", "<<-"):
            r.heredoc = target_tok
        return r

    def parse_redirects(self) -> list[Redirect]:
        out: list[Redirect] = []
        while self.tok.kind in ("redir", "io_number"):
            r = self.parse_redirect()
            if r is not None:
                out.append(r)
        return out

    def parse_simple(self) -> Node:
        assigns: list[tuple[str, Word]] = []
        words: list[Word] = []
        redirects: list[Redirect] = []
        line = self.tok.line
        while True:
            t = self.tok
            if t.kind in ("redir", "io_number"):
                r = self.parse_redirect()
                if r is not None:
                    redirects.append(r)
                continue
            if t.kind != "word":
                break
            w = t.word
            assert w is not None
            if not words and _ASSIGN.match(t.value) and isinstance(w.parts[0], Lit) and not w.parts[0].quoted:
                name, _, _ = t.value.partition("=")
                self.advance()
                assigns.append((name, _strip_prefix(w, len(name) + 1)))
                continue
            self.advance()
            words.append(w)
            if len(words) == 1 and self.is_op("(") and _NAME.match(t.value) and not assigns:
                return self.parse_funcdef(t.value)
        if not words and not assigns and not redirects:
            raise self.unexpected()
        return Simple(assigns, words, redirects, line)

    def parse_funcdef(self, name: str) -> Node:
        self.advance()
        if not self.is_op(")"):
            raise self.unexpected(")")
        self.advance()
        self.skip_newlines()
        body = self.parse_command()
        return FuncDef(name, body)


def _strip_prefix(w: Word, n: int) -> Word:
    first = w.parts[0]
    assert isinstance(first, Lit)
    rest = first.text[n:]
    parts = ([Lit(rest)] if rest else []) + list(w.parts[1:])
    if not parts:
        parts = [Lit("")]
    raw = w.raw[n:]
    plain = parts[0].text if len(parts) == 1 and isinstance(parts[0], Lit) and not parts[0].quoted else None
    return Word(parts, raw, plain, w.has_dq)


def parse(src: str) -> Node:
    """Parse a whole script at once (raises :class:`ShellSyntaxError`)."""
    return Parser(src).parse_all()


__all__ += ["parse_word", "ShellSyntaxError"]
