namespace CoopGraph.Graph.Tests.OpenData;

/// <summary>Small hand-written files in the published formats (same columns, same quirks), for the mapping tests.</summary>
internal static class OpenDataFixtures
{
    public const string Regions = "REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE\n11,75056,1,ILE DE FRANCE,Île-de-France,Île-de-France\n84,69123,1,AUVERGNE RHONE ALPES,Auvergne-Rhône-Alpes,Auvergne-Rhône-Alpes\n76,31555,1,OCCITANIE,Occitanie,Occitanie\n";

    // A département code that is also a region code (11): ids and codes must keep them apart.
    public const string Departements = "DEP,REG,CHEFLIEU,TNCC,NCC,NCCENR,LIBELLE\n11,76,11069,5,AUDE,Aude,Aude\n69,84,69123,2,RHONE,Rhône,Rhône\n75,11,75056,0,PARIS,Paris,Paris\n";

    public const string Communes =
        "code_insee,nom,dep,reg,arr,canton,population_municipale,population_totale,epci_siren_2025\n" +
        "69123,Lyon,69,84,691,6999,522250,530000,200046977\n" +
        "69266,Villeurbanne,69,84,691,6999,156928,160000,200046977\n" +
        "69244,Saint-Genis-Laval,69,84,691,6999,21500,22000,200046977\n" +
        "75056,Paris,75,11,751,7599,2113705,2150000,200054781\n";

    // Extra columns, in another order, separated by ';', with a byte-order mark: all must be accepted.
    public const string Epci = "\uFEFFnom;siren;extra;nature_juridique;dep_siege_fichier;population_municipale\nMétropole de Lyon;200046977;x;MET69;69;1411571\nMétropole du Grand Paris;200054781;y;METRO;75;7115576\n";

    public const string EpciMembers = "epci_siren,commune_insee,commune_siren,commune_nom\n200046977,69123,216901231,Lyon\n200046977,69266,216902668,Villeurbanne\n200046977,99999,000000000,Disparue\n";

    public const string Establishments =
        "uai,libelle,type_etablissement,code_commune,id_dataesr\n" +
        "0751717J,Sorbonne Université,Université,75105,a1\n" +
        "0691774D,Université Lyon 1,Université,69266,a2\n" +
        "0999999Z,École à l'étranger,École,99134,a3\n" +
        ",,École,,a4\n";

    public const string ResearchStructures =
        "numero_national_de_structure,libelle,code_postal,commune,numero_de_structure_parent,type_de_structure\n" +
        "200000001A,Laboratoire de Chimie,69622,VILLEURBANNE CEDEX,200000003C,Unité propre\n" +
        "200000002B,Institut de Physique,69230,ST GENIS LAVAL,,Unité mixte\n" +
        "200000003C,Fédération Lyonnaise,69007,LYON,,Structure fédérative\n";

    public const string Supervisors =
        "numero_national_de_structure,tutelle_nom,uai_tutelle,type_lien\n200000001A,Université Lyon 1,0691774D,TUTE\n200000001A,CNRS,,TUTE\n200000002B,Inconnue,0000000X,PART\n";

    public const string Siae =
        "MESURE,SIRET,DENOMINATION_SOCIALE,NATURE_JURIDIQUE,CODE_POSTAL,COMMUNE\n" +
        "ACI,34356040500012,Jardins de Cocagne,Association déclarée,69100,VILLEURBANNE\n" +
        "EI,34356040500099,Jardins de Cocagne bis,Association déclarée,69100,VILLEURBANNE\n" +
        "ETTI,41071771400035,Intérim Solidaire,SARL coopérative ouvrière de production (SCOP),69007,LYON\n" +
        "ACI,21690123100017,Ville de Lyon,Commune et commune nouvelle,69001,LYON\n" +
        "AI,50000000000011,Ailleurs,Association intermédiaire,01000,NULLEPART\n";
}
