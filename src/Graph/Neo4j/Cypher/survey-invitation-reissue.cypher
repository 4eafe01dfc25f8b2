MATCH (i:SurveyInvitation {surveyId: $surveyId, serviceId: $serviceId})
SET i.tokenHash = $hash
RETURN count(i) AS reissued
