#!/usr/bin/env python3
"""Generates adapters/recurrence/src/test/resources/recurrence-oracle.csv with python-dateutil.

An independent RFC 5545 oracle for LibRecurRecurrence (lib-recur). Run from the repository root:

    pip install python-dateutil   # 2.9.0 was used
    python3 scripts/recurrence-oracle/generate.py

The output is deterministic for a given seed, dateutil version and tzdata (Python's zoneinfo; the
JDK's tzdb must agree for the zones and years used, which it does for 2019-2035).

How the expected values are computed (the semantics of RecurrencePort, written out independently):

* The rule's BY parts are expanded by dateutil (``rrulestr``) from DTSTART as NAIVE local
  date-times (or dates, for all-day series), with COUNT and UNTIL removed from the rule text.
* DTSTART is always instance 1, even when it does not match the rule (dateutil, like lib-recur,
  only yields it when it matches; we prepend it and drop a matching duplicate).
* COUNT keeps the first COUNT instances counted from DTSTART.
* Timed series: each naive local date-time is turned into an instant in the zone with
  ``datetime.replace(tzinfo=ZoneInfo(zone), fold=0)``. Per PEP 495, fold=0 picks the EARLIER
  offset for a repeated wall time (RFC 5545 3.3.5) and, for a wall time in a gap, the offset
  before the transition, which moves the wall time forward by the gap (02:30 -> 03:30). This is
  what java.time's ``ZonedDateTime.ofLocal(ldt, zone, null)`` does.
* Sub-second part: dateutil drops microseconds; every instance gets DTSTART's fraction of a
  second back (instance 1 is DTSTART itself).
* UNTIL (inclusive): a date compares local dates; a UTC date-time compares instants for a timed
  series and, for an all-day series, the date on which UNTIL falls in the zone.
* ``after``: the expected row is the first instance strictly after it (instants compared at
  microsecond precision), with its 1-based index, or ``none`` when COUNT/UNTIL ended the series.
* A rule for which dateutil finds no instance after DTSTART (before year 9999 or within a time
  limit) is written with expected ``invalid``: validate() must reject it.

Columns: rule, zone, kind (timed|allday), start (UTC instant or date), start_local, after (UTC
instant or date), expected (UTC instant, date, none or invalid), expected_local, index.
"""

import csv
import datetime as dt
import os
import random
import signal
import sys

from dateutil.rrule import rrulestr

try:
    from zoneinfo import ZoneInfo
except ImportError:  # pragma: no cover
    sys.exit("needs Python 3.9+ (zoneinfo)")

SEED = 5545
CASES = 500
ZONES = [
    "America/New_York",
    "Europe/Berlin",
    "UTC",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Europe/London",
    "America/Los_Angeles",
    "Pacific/Auckland",
    "America/Santiago",
    "Asia/Tokyo",
]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
UTC = dt.timezone.utc
OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "..", "adapters", "recurrence", "src", "test", "resources", "recurrence-oracle.csv",
)


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def signed(rnd, lo, hi, negative_share=0.3):
    v = rnd.randint(lo, hi)
    return -v if rnd.random() < negative_share else v


def distinct(rnd, n, make):
    out = []
    for _ in range(n * 3):
        v = make()
        if v not in out:
            out.append(v)
        if len(out) == n:
            break
    return out


def random_rule(rnd):
    freq = rnd.choice(["DAILY", "WEEKLY", "MONTHLY", "MONTHLY", "YEARLY", "YEARLY"])
    parts = ["FREQ=" + freq]
    if rnd.random() < 0.35:
        parts.append("INTERVAL=%d" % rnd.choice([2, 2, 3, 4, 6]))
    by = []
    if freq in ("DAILY", "WEEKLY"):
        if rnd.random() < 0.6:
            by.append("BYDAY=" + ",".join(distinct(rnd, rnd.randint(1, 5), lambda: rnd.choice(DAYS))))
        if freq == "DAILY" and rnd.random() < 0.25:
            by.append("BYMONTHDAY=" + ",".join(
                str(v) for v in distinct(rnd, rnd.randint(1, 3), lambda: signed(rnd, 1, 31))))
    elif freq == "MONTHLY":
        r = rnd.random()
        if r < 0.35:
            by.append("BYMONTHDAY=" + ",".join(
                str(v) for v in distinct(rnd, rnd.randint(1, 3), lambda: signed(rnd, 1, 31))))
        elif r < 0.75:
            # all items with or all without an ordinal: dateutil intersects a mixed list (a bug;
            # RFC 5545 takes the union), so mixed lists are covered by the Java table tests
            ordinal = rnd.random() < 0.6

            def item():
                if ordinal:
                    return "%d%s" % (signed(rnd, 1, 5, 0.4), rnd.choice(DAYS))
                return rnd.choice(DAYS)
            by.append("BYDAY=" + ",".join(distinct(rnd, rnd.randint(1, 3), item)))
        elif r < 0.9:
            by.append("BYDAY=" + rnd.choice(["MO,TU,WE,TH,FR", "SA,SU", "MO,WE,FR", "TU,TH"]))
    else:  # YEARLY
        r = rnd.random()
        if r < 0.2:
            by.append("BYMONTHDAY=" + ",".join(
                str(v) for v in distinct(rnd, rnd.randint(1, 2), lambda: signed(rnd, 1, 31))))
        elif r < 0.4:
            by.append("BYDAY=" + ",".join(distinct(
                rnd, rnd.randint(1, 2), lambda: "%d%s" % (signed(rnd, 1, 5, 0.4), rnd.choice(DAYS)))))
        elif r < 0.5:
            by.append("BYDAY=%d%s" % (signed(rnd, 1, 53, 0.4), rnd.choice(DAYS)))
        elif r < 0.62:
            by.append("BYYEARDAY=" + ",".join(
                str(v) for v in distinct(rnd, rnd.randint(1, 3), lambda: signed(rnd, 1, 366))))
        elif r < 0.75:
            by.append("BYWEEKNO=" + ",".join(
                str(v) for v in distinct(rnd, rnd.randint(1, 2), lambda: signed(rnd, 1, 53, 0.2))))
            if rnd.random() < 0.7:
                by.append("BYDAY=" + ",".join(distinct(rnd, rnd.randint(1, 3), lambda: rnd.choice(DAYS))))
        elif r < 0.85:
            by.append("BYDAY=" + rnd.choice(["MO,TU,WE,TH,FR", "SA,SU", "TH"]))
    if freq in ("MONTHLY", "YEARLY", "DAILY") and rnd.random() < 0.35:
        by.append("BYMONTH=" + ",".join(
            str(v) for v in sorted(distinct(rnd, rnd.randint(1, 3), lambda: rnd.randint(1, 12)))))
    if freq == "YEARLY" and not any(p.startswith(("BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYDAY")) for p in by) \
            and any(p.startswith("BYMONTH=") for p in by) and rnd.random() < 0.5:
        by.append("BYMONTHDAY=%d" % signed(rnd, 1, 31))
    # not WEEKLY: dateutil cuts the first week at DTSTART before BYSETPOS picks (RFC 5545 takes the
    # whole week); a Java table test covers it
    # nor with BYWEEKNO and BYMONTH together, which LibRecurRecurrence rejects (see Series.java)
    weekno_and_month = {p.split("=")[0] for p in by} >= {"BYWEEKNO", "BYMONTH"}
    if by and freq != "WEEKLY" and not weekno_and_month and rnd.random() < 0.25:
        by.append("BYSETPOS=" + ",".join(
            str(v) for v in distinct(rnd, rnd.randint(1, 2), lambda: signed(rnd, 1, 4, 0.5))))
    if rnd.random() < 0.15:
        by.append("WKST=" + rnd.choice(DAYS))
    rnd.shuffle(by)
    return parts + by


def rfc_defaults(parts, start):
    """Spells out what RFC 5545 3.3.10 takes from DTSTART where dateutil reads the rule otherwise.

    "If the BYDAY, BYMONTHDAY or BYMONTH rule part were missing, the appropriate day or month
    would have been retrieved from DTSTART": lib-recur reads FREQ=YEARLY;BYMONTHDAY=20 as once a
    year in DTSTART's month and FREQ=YEARLY;BYWEEKNO=20 as DTSTART's weekday of week 20, while
    dateutil expands them to every month / every day of the week. We follow the RFC's text (and
    what a user means by "yearly on the 20th"), so the oracle adds the part from DTSTART.
    """
    names = {p.split("=")[0] for p in parts}
    if "FREQ=YEARLY" not in parts:
        return parts
    extra = []
    if "BYMONTH" not in names and not names & {"BYWEEKNO", "BYYEARDAY"} and "BYMONTHDAY" in names:
        extra.append("BYMONTH=%d" % start.month)
    if "BYWEEKNO" in names and not names & {"BYDAY", "BYMONTHDAY", "BYYEARDAY"}:
        extra.append("BYDAY=" + DAYS[start.weekday()])
    return parts + extra


def to_instant(local, zone):
    return local.replace(tzinfo=ZoneInfo(zone), fold=0).astimezone(UTC)


def fmt_instant(i):
    return i.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def expand(rule_text, dtstart, limit_seconds=2):
    """Naive local instances of the rule (without COUNT/UNTIL) from dtstart, DTSTART first."""
    rule = rrulestr(";".join(rfc_defaults(rule_text.split(";"), dtstart)),
                    dtstart=dtstart.replace(microsecond=0))

    def gen():
        yield dtstart
        for x in rule:
            if x == dtstart.replace(microsecond=0):
                continue
            yield x.replace(microsecond=dtstart.microsecond)

    return gen()


def main():
    rnd = random.Random(SEED)
    rows = []
    stats = {"timed": 0, "allday": 0, "none": 0, "invalid": 0, "dropped": 0}
    signal.signal(signal.SIGALRM, _alarm)
    while len(rows) < CASES:
        parts = random_rule(rnd)
        zone = rnd.choice(ZONES)
        allday = rnd.random() < 0.3
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rnd.randint(0, 365 * 10))
        if allday:
            start_local = dt.datetime(day.year, day.month, day.day)
            start_out = day.isoformat()
        else:
            hour, minute = rnd.choice([(9, 0), (1, 30), (2, 30), (0, 0), (23, 59), (12, 15), (rnd.randint(0, 23), rnd.randint(0, 59))])
            micro = rnd.choice([0, 0, 0, 250000, 123456])
            local = dt.datetime(day.year, day.month, day.day, hour, minute, rnd.choice([0, 0, 30]), micro)
            start_instant = to_instant(local, zone)
            start_local = start_instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)  # gap-normalised
            start_out = fmt_instant(start_instant)
        base = ";".join(parts)

        # find the first few instances to validate and to pick COUNT/UNTIL/after near real instances
        try:
            signal.alarm(2)
            it = expand(base, start_local)
            instances = []
            for x in it:
                instances.append(x)
                if len(instances) >= 40 or x.year > 2200:
                    break
            signal.alarm(0)
        except Timeout:
            instances = None
        except Exception:  # dateutil rejects something we generate
            signal.alarm(0)
            stats["dropped"] += 1
            continue
        if instances is None or len(instances) < 2:
            if instances is None or len(instances) == 1:
                stats["invalid"] += 1
                if stats["invalid"] > 25:
                    continue
                rows.append([base, zone, "allday" if allday else "timed", start_out,
                             start_local.date().isoformat() if allday else start_local.isoformat(),
                             "", "invalid", "", ""])
            continue

        limit = rnd.random()
        count = until = None
        if limit < 0.2:
            count = rnd.randint(1, 12)
            parts.append("COUNT=%d" % count)
        elif limit < 0.4:
            pick = instances[min(len(instances) - 1, rnd.randint(0, 10))]
            if allday or rnd.random() < 0.3:
                until_date = pick.date() + dt.timedelta(days=rnd.choice([0, 0, 1, -1]))
                until = ("date", until_date)
                parts.append("UNTIL=" + until_date.strftime("%Y%m%d"))
                if allday and rnd.random() < 0.3:
                    # all-day with a UTC date-time UNTIL: the day on which it falls in the zone
                    ui = to_instant(dt.datetime.combine(until_date, dt.time(rnd.choice([0, 12, 23]), 30)), zone)
                    until = ("date", ui.astimezone(ZoneInfo(zone)).date())
                    parts[-1] = "UNTIL=" + ui.strftime("%Y%m%dT%H%M%SZ")
            else:
                ui = to_instant(pick, zone).replace(microsecond=0) + dt.timedelta(seconds=rnd.choice([0, 0, -1, 1, 3600]))
                until = ("instant", ui)
                parts.append("UNTIL=" + ui.strftime("%Y%m%dT%H%M%SZ"))
        rule_text = ";".join(parts)

        # the `after` value
        choice = rnd.random()
        if allday:
            if choice < 0.4:
                after = rnd.choice(instances).date()
            elif choice < 0.5:
                after = start_local.date() - dt.timedelta(days=rnd.randint(1, 30))
            elif choice < 0.65:
                after = start_local.date() + dt.timedelta(days=rnd.randint(365 * 3, 365 * 12))
            else:
                after = start_local.date() + dt.timedelta(days=rnd.randint(0, 800))
        else:
            start_i = start_instant
            if choice < 0.3:
                after = to_instant(rnd.choice(instances), zone) if rnd.random() < 0.8 else start_i
            elif choice < 0.4:
                after = to_instant(rnd.choice(instances), zone) - dt.timedelta(microseconds=1)
            elif choice < 0.5:
                after = start_i - dt.timedelta(hours=rnd.randint(1, 500))
            elif choice < 0.65:
                after = start_i + dt.timedelta(days=rnd.randint(365 * 3, 365 * 12), seconds=rnd.randint(0, 86399))
            else:
                after = start_i + dt.timedelta(days=rnd.randint(0, 800), seconds=rnd.randint(0, 86399),
                                               microseconds=rnd.choice([0, 500000]))

        # walk the series
        expected = expected_local = index = None
        try:
            signal.alarm(10)
            n = 0
            for local in expand(";".join(p for p in parts if not p.startswith(("COUNT=", "UNTIL="))), start_local):
                n += 1
                if count is not None and n > count:
                    break
                if allday:
                    value = local.date()
                else:
                    value = start_instant if n == 1 else to_instant(local, zone)
                if until is not None and n > 1:
                    kind, u = until
                    if kind == "date" and local.date() > u:
                        break
                    if kind == "instant" and value > u:
                        break
                if value > after:
                    expected, index = value, n
                    expected_local = local
                    break
                if n > 100000:
                    raise Timeout()
            signal.alarm(0)
        except Timeout:
            stats["dropped"] += 1
            continue

        if allday:
            after_out = after.isoformat()
            exp_out = expected.isoformat() if expected else "none"
            exp_local = exp_out if expected else ""
            stats["allday"] += 1
        else:
            after_out = fmt_instant(after)
            exp_out = fmt_instant(expected) if expected else "none"
            exp_local = expected_local.isoformat() if expected else ""
            stats["timed"] += 1
        if not expected:
            stats["none"] += 1
        rows.append([rule_text, zone, "allday" if allday else "timed", start_out,
                     start_local.date().isoformat() if allday else start_local.isoformat(),
                     after_out, exp_out, exp_local, index if index else ""])

    with open(OUT, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["rule", "zone", "kind", "start", "start_local", "after", "expected", "expected_local", "index"])
        w.writerows(rows)
    print("wrote %d rows to %s: %s" % (len(rows), os.path.normpath(OUT), stats), file=sys.stderr)


if __name__ == "__main__":
    main()
