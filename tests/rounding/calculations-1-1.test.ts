import { describe, expect, it } from "vitest";
import { Exact, type Amount } from "../../src/model/figure.js";
import { compareLinear, compareSum, type Agreement } from "../../src/rounding/tolerance.js";

/**
 * The summation-item consistency of XBRL Calculations 1.1 (XBRL International, Recommendation of
 * 2023): a reported value v with decimals d stands for the closed interval [v − ½·10^−d, v + ½·10^−d];
 * a total is consistent with its contributors when its interval meets the sum of theirs (weights +1,
 * or −1 for a contributor that is subtracted). Negative d is rounding to tens, thousands: the unit's
 * zeros. These cases are built from that rule, each on the side of the boundary its name says.
 */
function reported(value: string, decimals: number): Amount {
  return { value: new Exact(value), decimals, precision: decimals, path: `/${value}` };
}

describe("XBRL Calculations 1.1 cases", () => {
  it.each<[string, Amount, Amount[], Agreement]>([
    ["exactly the sum", reported("3", 0), [reported("1", 0), reported("2", 0)], "exact"],
    // 1.4 + 1.4 = 2.8, reported as 1, 1 and 3: the printed sum 2 is not 3, yet [0.5, 1.5] + [0.5, 1.5] = [1, 3] meets [2.5, 3.5].
    ["consistent only under interval arithmetic", reported("3", 0), [reported("1", 0), reported("1", 0)], "rounding"],
    // [1.015, 1.025] × 2 = [2.03, 2.05] touches [2.05, 2.15] at 2.05: closed intervals meet.
    ["an interval boundary touched exactly", reported("2.1", 1), [reported("1.02", 2), reported("1.02", 2)], "rounding"],
    // [1.005, 1.015] + [1.015, 1.025] = [2.02, 2.04] stops 0.01 short of 2.05.
    ["one unit of a contributor's last decimal short of the boundary", reported("2.1", 1), [reported("1.01", 2), reported("1.02", 2)], "mismatch"],
    ["one unit of the total's last decimal beyond the boundary", reported("2.16", 2), [reported("1.0", 1), reported("1.0", 1)], "mismatch"],
    ["one unit of the parts' last decimal beyond (all at one decimal)", reported("2.2", 1), [reported("1.0", 1), reported("1.0", 1)], "mismatch"],
    // Thousands (d = −3): 12000 is [11500, 12500]; 5000 + 6000 is [10000, 12000].
    ["thousands via the unit, consistent by rounding", reported("12000", -3), [reported("5000", -3), reported("6000", -3)], "rounding"],
    ["thousands via the unit, beyond", reported("14000", -3), [reported("5000", -3), reported("6000", -3)], "mismatch"],
    ["a zero contributor is still a reported interval", reported("1.01", 2), [reported("1.00", 2), reported("0.00", 2)], "rounding"],
  ])("%s", (_name, total, contributors, agreement) => {
    expect(compareSum(total, contributors).agreement).toBe(agreement);
  });

  it.each<[string, Amount, [Amount, 1 | -1][], Agreement]>([
    [
      "a subtracted contributor (weight −1): 2 = 5 − 3",
      reported("2", 0),
      [
        [reported("5", 0), 1],
        [reported("3", 0), -1],
      ],
      "exact",
    ],
    [
      "weight −1 within rounding: 2.0 against 5.0 − 3.1",
      reported("2.0", 1),
      [
        [reported("5.0", 1), 1],
        [reported("3.1", 1), -1],
      ],
      "rounding",
    ],
    [
      "weight −1 beyond: 2.0 against 5.0 − 3.2",
      reported("2.0", 1),
      [
        [reported("5.0", 1), 1],
        [reported("3.2", 1), -1],
      ],
      "mismatch",
    ],
    [
      "negative values: −2 = −5 + 3",
      reported("-2", 0),
      [
        [reported("-5", 0), 1],
        [reported("3", 0), 1],
      ],
      "exact",
    ],
  ])("%s", (_name, total, terms, agreement) => {
    expect(
      compareLinear(
        total,
        terms.map(([amount, sign]) => ({ amount, sign })),
      ).agreement,
    ).toBe(agreement);
  });
});
