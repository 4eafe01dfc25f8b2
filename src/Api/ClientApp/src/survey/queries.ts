// The operations of the survey page: its form, the partner search, the answers. Sent with the invitation token.

export const formQuery = `{
  surveyForm {
    survey { id title status closesOn authority { name } }
    service { id name }
    colleagueGroups { direction { id name } services { id name } }
    themes { id name }
    answers { partner { id name } kind intensity since themes { id } }
  }
}`;

export const candidatesQuery = `query Candidates($text: String!, $territoryCode: String) {
  surveyForm { candidates(text: $text, territoryCode: $territoryCode, first: 8) { id name __typename ... on SseActor { siren } } }
}`;

export const answerMutation = `mutation Answer($input: [DeclaredPartnerInput!]!) {
  answerSurvey(input: $input) { ids errors { code message path } }
}`;

export interface FormData {
  surveyForm: {
    survey: { id: string; title: string; status: string; closesOn: string | null; authority: { name: string } };
    service: { id: string; name: string };
    colleagueGroups: { direction: { id: string; name: string } | null; services: { id: string; name: string }[] }[];
    themes: { id: string; name: string }[];
    answers: import("./answers").ServerAnswer[];
  };
}

export interface Candidate {
  id: string;
  name: string;
  __typename: string;
  siren?: string | null;
}

export interface CandidatesData {
  surveyForm: { candidates: Candidate[] };
}

export interface AnswerData {
  answerSurvey: { ids: string[]; errors: { code: string; message: string; path: string[] }[] };
}
