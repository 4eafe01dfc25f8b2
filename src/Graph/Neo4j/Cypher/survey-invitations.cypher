MATCH (i:SurveyInvitation {surveyId: $surveyId})
OPTIONAL MATCH (d:SurveyDeclaration {surveyId: $surveyId, serviceId: i.serviceId})
RETURN i.serviceId AS serviceId, i.answeredAt AS answeredAt, count(d) AS declared
ORDER BY serviceId
