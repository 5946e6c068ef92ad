#!/usr/bin/env python3
"""Builds the atlas data of src/main/resources/org/trek/atlas/: the ISO 3166 codes every atlas tool validates
against, the continents of get_atlas_stats, and the country borders that place a trip's places in a country.

Sources (npm registry packages, pinned; fetched with `npm pack`, nothing else is downloaded; needs node and npm):
  iso-3166@4.4.0                   1.js, 2.js: ISO 3166-1 (assigned alpha-2 and alpha-3 codes, names) and ISO 3166-2
                                   (subdivision codes, names, parents); MIT, Titus Wormer
  @rapideditor/country-coder@5.6.1 src/data/borders.json: simplified borders of countries and territories with their
                                   ISO codes and UN M49 region groups; ISC, country-coder contributors

Files written (UTF-8, tab-separated, one record a line, sorted):
  countries.tsv     alpha2, alpha3, name (ISO), English short name (country-coder, may be empty), continent
  subdivisions.tsv  code, name, parent (a country's alpha-2 or another subdivision's code)
  borders.tsv       alpha2, polygon: rings separated by ';' (the first the outer one, the others holes), each ring
                    'lng,lat' pairs separated by spaces, 3 decimals (about 100 m); a country has one line per polygon

Continents from the M49 groups: 002 Africa, 150 Europe, 142 Asia, 009 Oceania, 010 Antarctica, 005 South America,
013/021/029 North America (Central America and the Caribbean count as North America); AQ Antarctica (its border
carries no groups); none of them: Other. A country without groups of its own takes those of its largest part.
A border whose feature has no assigned ISO 3166-1 code of its own (England, Metropolitan France, the contiguous US)
counts for the country it belongs to.

Run from the project root:  python3 src/build/build-atlas.py
"""
import json
import os
import subprocess
import tarfile
import tempfile

OUT = os.path.join("src", "main", "resources", "org", "trek", "atlas")
CONTINENTS = [("005", "South America"), ("013", "North America"), ("021", "North America"), ("029", "North America"),
              ("002", "Africa"), ("150", "Europe"), ("142", "Asia"), ("009", "Oceania"), ("010", "Antarctica")]


def unpack(spec, work):
    name = subprocess.run(["npm", "pack", spec, "--silent"], cwd=work, check=True, capture_output=True,
                          text=True).stdout.strip().splitlines()[-1]
    target = os.path.join(work, spec.rsplit("@", 1)[0].replace("/", "_"))
    with tarfile.open(os.path.join(work, name)) as t:
        t.extractall(target)
    return os.path.join(target, "package")


def module(path, export):
    script = "import(process.argv[1]).then(m => process.stdout.write(JSON.stringify(m[process.argv[2]])))"
    return json.loads(subprocess.run(["node", "-e", script, path, export], check=True, capture_output=True,
                                     text=True).stdout)


def continent(code, groups):
    if code == "AQ":
        return "Antarctica"
    for code, name in CONTINENTS:
        if code in (groups or []):
            return name
    return "Other"


def clean(s):
    return " ".join((s or "").replace("\t", " ").split())


def main():
    with tempfile.TemporaryDirectory() as work:
        iso = unpack("iso-3166@4.4.0", work)
        countries = module(os.path.join(iso, "1.js"), "iso31661")
        subdivisions = module(os.path.join(iso, "2.js"), "iso31662")
        borders = json.load(open(os.path.join(unpack("@rapideditor/country-coder@5.6.1", work), "src", "data",
                                              "borders.json"), encoding="utf-8"))["features"]
    assigned = {c["alpha2"]: c for c in countries if c.get("state", "assigned") == "assigned"}

    def area(f):
        total = 0.0
        for polygon in f["geometry"]["coordinates"]:
            ring = polygon[0]
            total += abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2
        return total

    def owner(props):
        code = props.get("iso1A2")
        if code in assigned:
            return code
        # A part of an assigned territory names it among its groups (Diego Garcia: IO); else its sovereign country.
        part_of = [g for g in props.get("groups") or [] if g in assigned]
        if part_of:
            return part_of[0]
        return props.get("country") if props.get("country") in assigned else None

    english, groups, weight, polygons = {}, {}, {}, []
    for f in borders:
        p = f["properties"]
        if p.get("iso1A2") in assigned:
            english[p["iso1A2"]] = p.get("nameEn") or ""
            if p.get("groups"):
                groups[p["iso1A2"]] = p["groups"]
                weight[p["iso1A2"]] = float("inf")
        code = owner(p)
        if not code or not f.get("geometry"):
            continue
        # A country without groups of its own takes those of its largest part (Metropolitan France for FR).
        if p.get("groups") and area(f) > weight.get(code, -1):
            groups[code], weight[code] = p["groups"], area(f)
        for polygon in f["geometry"]["coordinates"]:
            rings = [" ".join(f"{round(x, 3):g},{round(y, 3):g}" for x, y in ring) for ring in polygon]
            polygons.append((code, ";".join(rings)))

    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8", newline="\n") as out:
        for code in sorted(assigned):
            c = assigned[code]
            out.write("\t".join([code, c["alpha3"], clean(c["name"]), clean(english.get(code, "")),
                                 continent(code, groups.get(code))]) + "\n")
    with open(os.path.join(OUT, "subdivisions.tsv"), "w", encoding="utf-8", newline="\n") as out:
        for s in sorted(subdivisions, key=lambda s: s["code"]):
            if s["code"].split("-")[0] in assigned:
                out.write("\t".join([s["code"], clean(s["name"]), s["parent"]]) + "\n")
    with open(os.path.join(OUT, "borders.tsv"), "w", encoding="utf-8", newline="\n") as out:
        for code, rings in sorted(polygons):
            out.write(code + "\t" + rings + "\n")
    for name in ("countries.tsv", "subdivisions.tsv", "borders.tsv"):
        path = os.path.join(OUT, name)
        print(f"{sum(1 for _ in open(path, encoding='utf-8'))} lines, {os.path.getsize(path)} bytes -> {path}")


if __name__ == "__main__":
    main()
