import { describe, expect, it } from "vitest";
import { invitationsCsv, serviceId, serviceTemplate, slug } from "./surveyTemplate";

describe("survey templates", () => {
  it("offers the import's columns with example rows of the authority", () => {
    const lines = serviceTemplate("auth:dep-69").split("\r\n");
    expect(lines[0]).toBe("id,kind,name,domain,authorityId,directionId,privateTo");
    expect(lines[1]).toBe("svc:dep-69-solidarites,SERVICE,Direction des solidarités,SOCIAL,auth:dep-69,,auth:dep-69");
    expect(lines[2]).toBe("svc:dep-69-insertion,SERVICE,Service insertion,EMPLOYMENT,auth:dep-69,svc:dep-69-solidarites,auth:dep-69");
  });

  it("makes readable ids from names", () => {
    expect(slug("Direction de l'Éducation")).toBe("direction-de-l-education");
    expect(serviceId("auth:city-sa", "Culture & Sports", () => "x1")).toBe("svc:city-sa-culture-sports-x1");
  });

  it("writes the links for a mail merge, never a formula", () => {
    const invitations = [{ service: { id: "svc:a", name: "=Culture" }, url: "https://coop.example.org/survey/sv_1" }];
    expect(invitationsCsv("en", invitations)).toBe("service_id,service_name,link\r\nsvc:a,'=Culture,https://coop.example.org/survey/sv_1\r\n");
    expect(invitationsCsv("fr", invitations)).toBe("\uFEFFservice_id;service_name;link\r\nsvc:a;'=Culture;https://coop.example.org/survey/sv_1\r\n");
  });
});
