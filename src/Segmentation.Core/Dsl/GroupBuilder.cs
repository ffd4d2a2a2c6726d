using Segmentation.Core.Model;

namespace Segmentation.Core.Dsl;

internal sealed class GroupBuilder<TProfile>(BuilderState state, string id, string name) : IGroupBuilder<TProfile>
{
    private readonly List<GroupMemberDefinition> members = [];
    private string? description;

    public IGroupBuilder<TProfile> Describe(string description) => Set(() => this.description = description);

    public IGroupBuilder<TProfile> Member(string id, params Condition<TProfile>[] conditions) => Member(id, id, conditions);

    public IGroupBuilder<TProfile> Member(string id, string name, params Condition<TProfile>[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        return Set(() => members.Add(new GroupMemberDefinition(id, name, conditions.Select(c => c.Definition).ToArray())));
    }

    public IGroupBuilder<TProfile> Otherwise(string id, string? name = null) =>
        Set(() => members.Add(new GroupMemberDefinition(id, name ?? id, [], IsFallback: true)));

    public GroupDefinition Build() => new(id, name, members.ToArray()) { Description = description };

    private GroupBuilder<TProfile> Set(Action change)
    {
        state.EnsureOpen();
        change();
        return this;
    }
}
