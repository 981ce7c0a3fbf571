"""Renders chat templates the way Hugging Face transformers does: the oracle
that flashchat's template rendering is compared with (tests/it/templates.rs).

    python render-chat-templates.py TEMPLATES_DIR CONVERSATIONS.json

prints one JSON object per template and conversation: its name, the
conversation's name, and either the rendered text or the error.
The environment is transformers' (`_compile_jinja_template`): a sandboxed
jinja2 environment with trim_blocks, lstrip_blocks and loop controls, a
`tojson` that is json.dumps with ensure_ascii=False, and the globals
raise_exception and strftime_now (at a fixed date, so both sides agree).
"""
import datetime
import json
import pathlib
import sys

import jinja2
import jinja2.ext
import jinja2.nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

FIXED_NOW = datetime.datetime(2026, 11, 27, 12, 0, 0)


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(fmt):
    return FIXED_NOW.strftime(fmt)


class AssistantTracker(jinja2.ext.Extension):
    """transformers' `{% generation %}` block, which marks the assistant's
    tokens; rendering only outputs its body."""

    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return jinja2.nodes.CallBlock(self.call_method("_render", []), [], [], body).set_lineno(lineno)

    def _render(self, caller):
        return caller()


def environment():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[AssistantTracker, "jinja2.ext.loopcontrols"])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


def main():
    folder = pathlib.Path(sys.argv[1])
    conversations = json.loads(pathlib.Path(sys.argv[2]).read_text())
    env = environment()
    for path in sorted(folder.glob("*.jinja")):
        try:
            template = env.from_string(path.read_text())
        except Exception as e:  # a template jinja2 itself cannot compile
            template, compile_error = None, f"{type(e).__name__}: {e}"
        for conversation in conversations:
            out = {"template": path.name, "conversation": conversation["name"]}
            if template is None:
                out["error"] = compile_error
            else:
                try:
                    out["rendered"] = template.render(
                        messages=conversation["messages"],
                        tools=conversation.get("tools"),
                        documents=None,
                        add_generation_prompt=conversation["add_generation_prompt"],
                        bos_token="<s>",
                        eos_token="</s>",
                    )
                except Exception as e:
                    out["error"] = f"{type(e).__name__}: {e}"
            print(json.dumps(out, ensure_ascii=False))


main()
