import { describe, expect, it } from "vitest";
import { summary } from "./summary";

const figures = { name: "Ville", linkShare: 0.2083, serviceLinks: 24, coveredDomainPairs: 5, domainPairs: 28, siloDomains: ["EDUCATION", "SPORT"] };

describe("the dashboard's sentence", () => {
  it("says the figures in plain words in both languages", () => {
    expect(summary("en", figures)).toBe(
      "Ville: 21% of its services' cooperation links cross policy domains; 5 of 28 pairs of domains meet, directly or through one partner. In silos: Education, Sport.");
    expect(summary("fr", figures)).toBe(
      "Ville\u00a0: 21\u202f% des liens de coopération de ses directions relient des politiques publiques différentes\u202f; 5 paires de politiques sur 28 se rejoignent, directement ou par un partenaire. Restent en silo\u00a0: Éducation, Sport.");
  });

  it("says when nothing is known or nothing is in a silo", () => {
    expect(summary("en", { ...figures, serviceLinks: 0 })).toBe("Ville: none of its services has a known cooperation link yet.");
    expect(summary("en", { ...figures, siloDomains: [] })).toMatch(/No domain is left in a silo\.$/);
  });
});
