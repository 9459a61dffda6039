using System.Reflection;
using OpenCcs.Testing;
using Xunit.Sdk;

namespace OpenCcs.Cli.Tests.Support;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnBothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[TestDatabase.Sqlite], [TestDatabase.Postgres]];
}
