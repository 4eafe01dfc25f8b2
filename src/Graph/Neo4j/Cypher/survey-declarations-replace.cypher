// A service's last submission replaces its previous one, and its answer time, in one statement (so atomically).
MATCH (i:SurveyInvitation {surveyId: $surveyId, serviceId: $serviceId})
SET i.answeredAt = CASE WHEN $answeredAt IS NULL THEN null ELSE datetime($answeredAt) END
WITH i
OPTIONAL MATCH (old:SurveyDeclaration {surveyId: $surveyId, serviceId: $serviceId})
DELETE old
WITH DISTINCT i
UNWIND $declarations AS row
CREATE (:SurveyDeclaration {surveyId: i.surveyId, serviceId: i.serviceId, partnerId: row.partnerId, kind: row.kind,
                            intensity: row.intensity, since: date(row.since), themeIds: row.themeIds})
