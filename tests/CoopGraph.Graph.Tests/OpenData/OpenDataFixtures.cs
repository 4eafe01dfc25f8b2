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

    public const string GrandParis = "ept_siren,ept_nom,commune_insee,commune_nom,dep,reg\n200057867,Paris,75056,Paris,75,11\n";

    public const string DoctoralSchools =
        "numero_ed,sigle,libelle_ed,uai_support,etablissement_support,code_commune\n" +
        "52,PHAST,Physique et astrophysique,0691774D,Université Lyon 1,69266\n" +
        "487,SEG,Sciences économiques,0694094A,COMUE Université de Lyon,69387\n";

    public const string DoctoralSchoolEstablishments =
        "numero_ed,uai,etablissement,role\n52,0691774D,Université Lyon 1,support\n52,0751717J,Sorbonne Université,coaccredite\n487,0751717J,Sorbonne Université,associe\n";

    public const string DoctoralSchoolLabs = "numero_ed,rnsr_laboratoire,nom_laboratoire\n52,200000001A,Chimie\n52,200000002B,Physique\n99,200000003C,Sans école\n";

    public const string Geiq = "GEIQ,ADRESSE,COMPLEMENT_ADRESSE,VILLE,CODE_POSTAL,NAF,SIRET\nGEIQ BTP Rhône,1 rue X,,ST GENIS LAVAL,69230,7830Z,79914163500018\n";

    public const string SireneSse =
        "siren,siret_siege,denomination,categorie_juridique,famille_ess,code_postal,commune,tags_numerique\n" +
        "062201199,06220119900031,Coop Numérique,5458,,69100,VILLEURBANNE,numérique;formation\n" +
        "111111111,11111111100011,Fondation Libre,9300,,,,\n" +
        "222222222,22222222200022,Mutuelle Solidaire,8210,,,,\n" +
        "333333333,33333333300033,Asso Famille,5710,association,,,\n";

    public const string ThirdPlaces =
        "id_source,nom,commune_insee,structure_porteuse,code_postal,ville,siren_porteuse\n8,La Fabrique,69123,Coop Numérique,69001,LYON,062201199\n9,Le Lieu,75108,,75008,PARIS,\n";

    public const string PetitesVilles =
        "programme,id_pvd,insee_com,lib_com,insee_dep,siren_epci,lib_epci,date_signature\n" +
        "Petites villes de demain,pvd-1,69266,Villeurbanne,69,200046977,Métropole de Lyon,2021-03-15\n" +
        "Petites villes de demain,,69244,Saint-Genis-Laval,69,200046977,Métropole de Lyon,\n";

    public const string BetaGouvOrganisations = "id,nom,sigle,domaine_ministeriel,type\nanct,Agence nationale de la cohésion des territoires,ANCT,territoires,operateur\ndinum,Direction interministérielle du numérique,DINUM,numerique,administration-centrale\n";

    public const string BetaGouvIncubators = "id,nom,organisation_porteuse,adresse,site_web,description_courte\nanct,Incubateur des territoires,anct,,,Des services pour les collectivités\n";

    public const string BetaGouvStartups = "id,nom,mission,incubateur,sponsors,phase_actuelle,date_debut,thematiques\naides-territoires,Aides-territoires,Trouver les aides,anct,,acceleration,2018-01-15,Territoires;Subventions\n";

    public const string BetaGouvSponsors = "startup_id,organisation_id\naides-territoires,anct\naides-territoires,dinum\n";

    public const string Ipsx =
        "id,rtype,name,description,lead_organisation_name,lead_organisation_category,start_date,geocoverage,technology,primary_sector\n" +
        "1,Service,\"Chatbot, municipal\",\"Answers\nresidents\",City of Lyon,Local Government,2020-05-01,France,AI,General public services\n" +
        "2,Service,Fraud detector,Finds fraud,Acme Corp,Private sector,,France,AI,Economic affairs\n" +
        "3,Service,Library search,Search,Université Lyon 2,Academic-Research,,France,AI,Education\n";
}
