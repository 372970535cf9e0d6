"""Bytes and compression ratios of storage formats against JSON lines.

Reads the NDJSON and CSV files `headroom generate` wrote under WORK/<workload>/{ndjson,csv}/,
rewrites each stream's CSV (typed by pyarrow's CSV reader: integers, decimals,
timestamps, strings) as Parquet with Snappy and with Zstandard (pyarrow
defaults otherwise: dictionary encoding, row groups of up to 1,048,576 rows)
and as an Avro container with deflate blocks (fastavro), and prints bytes per
format and JSON bytes / format bytes. Dimension and truth tables are skipped:
only event streams reach a lakehouse's Bronze layer.

With --write, the measured table replaces the resource file the storage
model reads by default (Sources/Platform/Storage/compression-ratios.json).
"""

import argparse
import datetime
import json
import os
import sys
import tempfile

import fastavro
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

FORMATS = ["json", "csv", "parquet-snappy", "parquet-zstd", "avro"]


def avro_type(t):
    if pa.types.is_integer(t):
        return "long"
    if pa.types.is_floating(t):
        return "double"
    if pa.types.is_boolean(t):
        return "boolean"
    if pa.types.is_timestamp(t):
        return {"type": "long", "logicalType": "timestamp-micros"}
    return "string"


def avro_bytes(table, path):
    fields = [{"name": f.name, "type": ["null", avro_type(f.type)]} for f in table.schema]
    schema = fastavro.parse_schema({"type": "record", "name": "event", "fields": fields})
    columns = []
    for f in table.schema:
        col = table.column(f.name)
        if pa.types.is_timestamp(f.type):
            col = col.cast(pa.timestamp("us")).cast(pa.int64())
        elif not (pa.types.is_integer(f.type) or pa.types.is_floating(f.type) or pa.types.is_boolean(f.type)):
            col = col.cast(pa.string())
        columns.append(col.to_pylist())
    names = table.schema.names
    records = (dict(zip(names, row)) for row in zip(*columns))
    with open(path, "wb") as out:
        fastavro.writer(out, schema, records, codec="deflate")
    return os.path.getsize(path)


def measure_stream(json_path, csv_path, scratch):
    table = pacsv.read_csv(csv_path)
    sizes = {"json": os.path.getsize(json_path), "csv": os.path.getsize(csv_path)}
    for fmt, codec in [("parquet-snappy", "snappy"), ("parquet-zstd", "zstd")]:
        p = os.path.join(scratch, fmt + ".parquet")
        pq.write_table(table, p, compression=codec)
        sizes[fmt] = os.path.getsize(p)
    sizes["avro"] = avro_bytes(table, os.path.join(scratch, "events.avro"))
    return table.num_rows, sizes


def workload_seed(workload):
    """The `seed:` of Scenarios/workloads/<workload>.yaml (the seed `headroom generate` used)."""
    with open(os.path.join("Scenarios", "workloads", workload + ".yaml")) as f:
        for line in f:
            key, _, value = line.strip().partition(":")
            if key == "seed":
                return int(value.split("#")[0])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work")
    ap.add_argument("--from", dest="start", required=True)
    ap.add_argument("--to", dest="end", required=True)
    ap.add_argument("--headroom-version", default="")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--resource", required=True)
    args = ap.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for workload in sorted(os.listdir(args.work)):
            ndjson_dir = os.path.join(args.work, workload, "ndjson")
            csv_dir = os.path.join(args.work, workload, "csv")
            for name in sorted(os.listdir(ndjson_dir)):
                stream = name[: -len(".ndjson")]
                if not name.endswith(".ndjson") or stream.startswith("truth_") or stream in ("players", "games", "merchants"):
                    continue
                records, sizes = measure_stream(os.path.join(ndjson_dir, name), os.path.join(csv_dir, stream + ".csv"), scratch)
                rows.append({"workload": workload + ".yaml", "seed": workload_seed(workload), "stream": stream,
                             "records": records, "bytes": sizes})

    totals = {f: sum(r["bytes"][f] for r in rows) for f in FORMATS}
    print(f"{'workload':<24} {'stream':<16} {'records':>10} " + " ".join(f"{f:>15}" for f in FORMATS))
    for r in rows:
        ratios = " ".join(f"{r['bytes'][f]:>9} {r['bytes']['json'] / r['bytes'][f]:>4.1f}x" for f in FORMATS)
        print(f"{r['workload']:<24} {r['stream']:<16} {r['records']:>10} {ratios}")
    print(f"{'all streams':<41} {sum(r['records'] for r in rows):>10} "
          + " ".join(f"{totals[f]:>9} {totals['json'] / totals[f]:>4.1f}x" for f in FORMATS))

    if args.write:
        table = {
            "description": "JSON-lines bytes ÷ bytes in each format, measured on synthetic events "
                           "(Benchmarks/compression/measure.sh). Overall ratios weight each stream by its JSON bytes.",
            "measured": True,
            "measuredOn": datetime.date.today().isoformat(),
            "generator": f"headroom generate --workload Scenarios/workloads/<each>.yaml --from \"{args.start}\" "
                         f"--to \"{args.end}\" --format ndjson|csv (each workload's own seed)",
            "headroomVersion": args.headroom_version,
            "libraries": {"pyarrow": pa.__version__, "fastavro": fastavro.__version__},
            "encodings": {"parquet-snappy": "pyarrow write_table(compression='snappy'), default row groups and dictionaries",
                          "parquet-zstd": "pyarrow write_table(compression='zstd'), default level",
                          "avro": "fastavro container, deflate codec", "csv": "headroom generate --format csv",
                          "json": "headroom generate --format ndjson"},
            "ratios": {f: round(totals["json"] / totals[f], 3) for f in FORMATS},
            "streams": [dict(r, ratios={f: round(r["bytes"]["json"] / r["bytes"][f], 3) for f in FORMATS}) for r in rows],
        }
        tmp = args.resource + ".tmp"
        with open(tmp, "w") as out:
            json.dump(table, out, indent=2, ensure_ascii=False)
            out.write("\n")
        os.replace(tmp, args.resource)
        print(f"wrote {args.resource}", file=sys.stderr)


if __name__ == "__main__":
    main()
