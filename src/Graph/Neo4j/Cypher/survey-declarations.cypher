MATCH (d:SurveyDeclaration {surveyId: $surveyId})
RETURN d.serviceId AS serviceId, d.partnerId AS partnerId, d.kind AS kind, d.intensity AS intensity, d.since AS since, d.themeIds AS themeIds
ORDER BY serviceId, partnerId
