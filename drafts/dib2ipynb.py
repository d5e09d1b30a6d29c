#!/usr/bin/env python3
"""Authoring helper (not part of the kit): convert a .dib-style text file into a Polyglot .ipynb.
Sections start with a line '#!markdown' or '#!csharp'. Usage: dib2ipynb.py in.dib out.ipynb"""
import json, sys, hashlib
src, dst = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read()
cells, kind, buf = [], None, []
def flush():
    if kind is None: return
    body = "\n".join(buf).strip("\n")
    if not body.strip(): return
    lines = body.split("\n")
    source = [l + "\n" for l in lines[:-1]] + [lines[-1]]
    cid = hashlib.sha1(f"{dst}:{len(cells)}".encode()).hexdigest()[:8]
    if kind == "markdown":
        cells.append({"cell_type": "markdown", "id": cid, "metadata": {}, "source": source})
    else:
        cells.append({"cell_type": "code", "execution_count": None, "id": cid,
                      "metadata": {"dotnet_interactive": {"language": "csharp"},
                                   "polyglot_notebook": {"kernelName": "csharp"}},
                      "outputs": [], "source": source})
for line in text.split("\n"):
    if line.strip() in ("#!markdown", "#!csharp"):
        flush(); kind = line.strip()[2:]; buf = []
    else:
        buf.append(line)
flush()
nb = {"cells": cells,
      "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"},
                   "language_info": {"file_extension": ".cs", "mimetype": "text/x-csharp", "name": "polyglot-notebook",
                                     "pygments_lexer": "csharp", "version": "13.0"},
                   "polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp",
                                                        "items": [{"aliases": [], "name": "csharp"}]}}},
      "nbformat": 4, "nbformat_minor": 5}
json.dump(nb, open(dst, "w", encoding="utf-8"), indent=1, ensure_ascii=False)
open(dst, "a").write("\n")
print(f"{dst}: {len(cells)} cells")
