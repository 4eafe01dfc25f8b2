MATCH (i:SurveyInvitation {tokenHash: $hash})
MATCH (s:Survey {id: i.surveyId})
RETURN s.id AS id, s.authorityId AS authorityId, s.title AS title, s.opensOn AS opensOn, s.closesOn AS closesOn, s.closedAt AS closedAt,
       s.createdAt AS createdAt, i.serviceId AS serviceId
