using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCcs.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SarReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthorizedNicuLevel",
                table: "sars",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AuthorizedProviderId",
                table: "sars",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AwaitingEligibility",
                table: "sars",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Flags",
                table: "sars",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IscdCategoryId",
                table: "sars",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IscdCoverSheetId",
                table: "sars",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IscdQueue",
                table: "sars",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ScgCode",
                table: "sars",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScgFrom",
                table: "sars",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ScgTo",
                table: "sars",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "sars",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InformationReceivedAt",
                table: "sar_transitions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AuthorizedFrom",
                table: "sar_lines",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AuthorizedTo",
                table: "sar_lines",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "BrandName",
                table: "sar_lines",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "BrandNameJustification",
                table: "sar_lines",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disposition",
                table: "sar_lines",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Product",
                table: "sar_lines",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "emergency_admissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    County = table.Column<int>(type: "integer", nullable: false),
                    HospitalName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AdmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DocumentationReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TransferredToHospitalId = table.Column<Guid>(type: "uuid", nullable: true),
                    TransferredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emergency_admissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_emergency_admissions_children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_emergency_admissions_providers_TransferredToHospitalId",
                        column: x => x.TransferredToHospitalId,
                        principalTable: "providers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_sars_AuthorizedProviderId",
                table: "sars",
                column: "AuthorizedProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_sars_IscdQueue_Status",
                table: "sars",
                columns: new[] { "IscdQueue", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_emergency_admissions_ChildId",
                table: "emergency_admissions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_emergency_admissions_County_TransferredAt",
                table: "emergency_admissions",
                columns: new[] { "County", "TransferredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_emergency_admissions_TransferredToHospitalId",
                table: "emergency_admissions",
                column: "TransferredToHospitalId");

            migrationBuilder.AddForeignKey(
                name: "FK_sars_providers_AuthorizedProviderId",
                table: "sars",
                column: "AuthorizedProviderId",
                principalTable: "providers",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_sars_providers_AuthorizedProviderId",
                table: "sars");

            migrationBuilder.DropTable(
                name: "emergency_admissions");

            migrationBuilder.DropIndex(
                name: "IX_sars_AuthorizedProviderId",
                table: "sars");

            migrationBuilder.DropIndex(
                name: "IX_sars_IscdQueue_Status",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "AuthorizedNicuLevel",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "AuthorizedProviderId",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "AwaitingEligibility",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "Flags",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "IscdCategoryId",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "IscdCoverSheetId",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "IscdQueue",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "ScgCode",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "ScgFrom",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "ScgTo",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "sars");

            migrationBuilder.DropColumn(
                name: "InformationReceivedAt",
                table: "sar_transitions");

            migrationBuilder.DropColumn(
                name: "AuthorizedFrom",
                table: "sar_lines");

            migrationBuilder.DropColumn(
                name: "AuthorizedTo",
                table: "sar_lines");

            migrationBuilder.DropColumn(
                name: "BrandName",
                table: "sar_lines");

            migrationBuilder.DropColumn(
                name: "BrandNameJustification",
                table: "sar_lines");

            migrationBuilder.DropColumn(
                name: "Disposition",
                table: "sar_lines");

            migrationBuilder.DropColumn(
                name: "Product",
                table: "sar_lines");
        }
    }
}
