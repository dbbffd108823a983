"""Compares examples/snippet-usage's printed vertex code with glumpy's own output
(tests/golden/snippet-usage.txt: glumpy's examples/snippet-usage.py, printed as is).

Both are normalized: comments, blank lines and glumpy's #define dropped, lines stripped,
and each snippet id renamed by its first appearance in main() (glumpy counts its ids from
2, we from 1; what matters is which calls share an instance). The snippets' declarations
must be the same set (glumpy pastes them in another order), and main() the same lines,
except six that glumpy gets wrong on its own terms: calling a glumpy snippet links it to
its arguments in place, so the last call of transform_1 ('.x') and transform_2 ('.y')
overwrites every earlier call's arguments. For those we assert glumpy's line exactly (so a
changed reference is noticed) and the line its comments describe."""
import re
import subprocess
import sys

exe, golden = sys.argv[1], sys.argv[2]
ours = subprocess.run([exe], check=True, capture_output=True, text=True).stdout
theirs = open(golden).read()

# glumpy's line -> ours, for the hooks filled by transform_1/2 calls that later calls rewrote.
GLUMPY_IN_PLACE_LINKING = [
    ("forward_a(.x);", "forward_a(A);"),                                       # transform_1("A")
    ("forward_a(C.x);", "forward_a(C);"),                                      # <transform_3(C)> = transform_1()
    ("forward_a(.x);", "forward_a(D);"),                                       # transform_1("D")
    ("forward_a(.x);", "forward_a(forward_b(E));"),                            # transform_1(transform_2("E"))
    ("inverse_b(.y);", "inverse_b(F);"),                                       # transform_2("F").inverse
    ("compose_c(forward_a(.x), forward_b(.y));", "compose_c(forward_a(G.x), forward_b(G.y));"),  # transform_7
]


def normalize(text):
    lines = [l.strip() for l in text.splitlines()]
    lines = [l for l in lines if l and not l.startswith("//") and not l.startswith("#define")]
    start = lines.index("uniform float scale;")
    decls, body = lines[:start], lines[start:]
    ids = {}
    for m in re.finditer(r"\b[A-Za-z]\w*?_(\d+)\b", "\n".join(body)):
        ids.setdefault(m.group(1), "abcdefgh"[len(ids)])
    rename = lambda l: re.sub(r"\b([A-Za-z]\w*?)_(\d+)\b", lambda m: m.group(1) + "_" + ids.get(m.group(2), "?" + m.group(2)), l)
    return sorted(rename(l) for l in decls), [rename(l) for l in body]


our_decls, our_body = normalize(ours)
their_decls, their_body = normalize(theirs)
failures = []
if our_decls != their_decls:
    failures.append("snippet declarations differ:\n  ours:   %s\n  glumpy: %s" % (our_decls, their_decls))
if len(our_body) != len(their_body):
    failures.append("main() has %d lines, glumpy's %d" % (len(our_body), len(their_body)))
expected_diffs = list(GLUMPY_IN_PLACE_LINKING)
same = 0
for o, t in zip(our_body, their_body):
    if o == t:
        same += 1
        continue
    if expected_diffs and expected_diffs[0] == (t, o):
        expected_diffs.pop(0)
        continue
    failures.append("line differs:\n  ours:   %s\n  glumpy: %s" % (o, t))
if expected_diffs:
    failures.append("glumpy's known in-place-linking lines not seen: %s" % expected_diffs)
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("snippet-usage: %d declarations and %d of %d lines of main() as glumpy prints them; "
      "%d where glumpy's in-place linking rewrote the call, as its comments describe"
      % (len(our_decls), same, len(our_body), len(GLUMPY_IN_PLACE_LINKING)))
