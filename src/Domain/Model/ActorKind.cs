namespace CoopGraph.Domain.Model;

/// <summary>The node kinds that act: they cooperate, fund, apply and work on themes.</summary>
public enum ActorKind
{
    Authority,
    Service,
    SseActor,
    University,
    InnovationLab,
    Organisation,
    Establishment,
}

public static class ActorKinds
{
    public static NodeKind ToNodeKind(this ActorKind kind) => kind switch
    {
        ActorKind.Authority => NodeKind.Authority,
        ActorKind.Service => NodeKind.Service,
        ActorKind.SseActor => NodeKind.SseActor,
        ActorKind.University => NodeKind.University,
        ActorKind.InnovationLab => NodeKind.InnovationLab,
        ActorKind.Organisation => NodeKind.Organisation,
        ActorKind.Establishment => NodeKind.Establishment,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsActor(this NodeKind kind) => kind <= NodeKind.Establishment;

    public static ActorKind ToActorKind(this NodeKind kind) => kind.IsActor()
        ? (ActorKind)(int)kind
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an actor kind");
}
