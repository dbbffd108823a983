# Makes tests/golden/glumpy-snippets.txt with glumpy itself: the code glumpy's gloo.Program
# generates for hooks filled with the forms test_snippet_glumpy compares ours with: calls
# without arguments (glumpy's mangled_call appends "()"), text fills, arithmetic
# composition (glumpy's Snippet.__add__ / __sub__ / __mul__ and __op__("/"), since Python 3
# never calls glumpy's __div__), declarations with several names, and snippet attributes
# and varyings pasted in both stages.
#
#   PYTHONPATH=GLUMPY_SOURCES /usr/bin/python3 THIS.py > tests/golden/glumpy-snippets.txt
#
# No GL context is needed: the programs are never drawn. Every hook gets snippets of its
# own (calling a glumpy snippet rewrites its arguments in place, so one instance in two
# hooks would show the last call in both). Each case prints "=== NAME STAGE" and glumpy's
# code for that stage.
from glumpy import gloo

SCALE = """
uniform float factor;
float forward(float x) { return factor*x; }
float inverse(float x) { return x/factor; }
"""


def S():
    return gloo.Snippet(SCALE)


def case(name, vertex, fragment, hooks):
    program = gloo.Program(vertex, fragment)
    for hook, value in hooks:
        program[hook] = value
    print("=== %s vertex" % name)
    print(program.vertex.code)
    print("=== %s fragment" % name)
    print(program.fragment.code)


case("bare", "void main() {\n<h1>;\n<h2>;\n<h3(X)>;\n<h4(X)>;\n}\n", "void main() {}\n",
     [("h1", S()()), ("h2", S()(S()())), ("h3", S()(S()())), ("h4", S()(S()("Y")))])

case("text", "void main() {\n<t1>;\n<t2(X)>;\n<t3.x>;\n<t4>(X);\n}\n", "void main() {}\n",
     [("t1", "foo"), ("t2", "bar"), ("t3", "baz"), ("t4", "qux")])

case("arithmetic",
     "void main() {\n<h1>;\n<h2(X)>;\n<h3.inverse>;\n<h4>;\n<h5>;\n<h6>;\n<h7(X)>;\n<h8.factor>;\n}\n",
     "void main() {}\n",
     [("h1", S()("P") + S()("P")),
      ("h2", S()() * S()()),
      ("h3", S()("P") - S()("P")),
      ("h4", S()("P") + S()("P") * S()("P")),
      ("h5", S()("P") * S()("P") + S()("P")),
      ("h6", S()(S()("P") + S()("Q"))),
      ("h7", S()().__op__("/", S()())),
      ("h8", S()("P") + S()("P"))])

GRID = gloo.Snippet("""
uniform float rows, cols;
attribute vec2 offset;
varying float v_index, v_x;
vec2 cell(vec2 position, float index)
{
    v_index = index;
    v_x = position.x;
    return position + offset * vec2(rows, cols);
}
float cell(float index) { return v_index + v_x + index; }
""")
case("declarations",
     "attribute vec2 position;\nattribute float index;\nvoid main() {\ngl_Position = vec4(<grid(position, index)>, 0.0, 1.0);\n<grid.v_x>;\n}\n",
     "void main() {\ngl_FragColor = vec4(<grid.cell(1.0)>);\n<grid.v_x>;\n}\n",
     [("grid", GRID)])


# glumpy's own examples' hooks: the snippets and shaders of examples/snippet-grids.py and
# examples/snippet-cubes.py, read from the scripts (GLUMPY_EXAMPLES, default ../examples
# beside glumpy's package) and printed first ("=== NAME input VARIABLE"), so that
# test_snippet_glumpy builds the same program from the same text.
import ast
import os

examples = os.environ.get("GLUMPY_EXAMPLES", os.path.join(os.path.dirname(gloo.__file__), "..", "..", "examples"))


def script_strings(script):
    """The module-level string assignments of a script and the code of its gloo.Snippet(...)s."""
    found = {}
    for node in ast.parse(open(os.path.join(examples, script)).read()).body:
        if not isinstance(node, ast.Assign) or not isinstance(node.targets[0], ast.Name):
            continue
        value = node.value
        if isinstance(value, ast.Call) and value.args and getattr(value.func, "attr", "") == "Snippet":
            value = value.args[0]
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            found[node.targets[0].id] = value.value
    return found


def example(name, script, build):
    strings = script_strings(script)
    for key in sorted(strings):
        print("=== %s input %s" % (name, key))
        print(strings[key])
    snippets = {k: gloo.Snippet(v) for k, v in strings.items() if k not in ("vertex", "fragment")}
    case(name, strings["vertex"], strings["fragment"], build(snippets))


example("snippet-grids", "snippet-grids.py",
        lambda s: [("grid", s["Position"](s["Grid"](s["XScale"]("vec2(posx,posy)"), "index"))), ("clip", s["Clip"]())])
example("snippet-cubes", "snippet-cubes.py",
        lambda s: [("grid", s["Grid"]("pos", "index")), ("clip", s["Clip"]("v_index"))])
