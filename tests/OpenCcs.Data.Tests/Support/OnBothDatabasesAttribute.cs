using System.Reflection;
using OpenCcs.Testing;
using Xunit.Sdk;

namespace OpenCcs.Data.Tests.Support;

/// <summary>Runs a theory once on SQLite and once on PostgreSQL: both are supported, so both are tested.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnBothDatabasesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[TestDatabase.Sqlite], [TestDatabase.Postgres]];
}
