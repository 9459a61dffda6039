using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenCcs.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChildCinHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "child_cins",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Cin = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_child_cins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_child_cins_children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_child_cins_ChildId",
                table: "child_cins",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_child_cins_Cin",
                table: "child_cins",
                column: "Cin",
                unique: true);

            // Each child's CIN so far becomes the one open period of its history, covering every date (From null).
            migrationBuilder.Sql("""
                INSERT INTO child_cins ("ChildId", "Cin", "From", "To")
                SELECT "Id", "Cin", NULL, NULL FROM children WHERE "Cin" IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "child_cins");
        }
    }
}
