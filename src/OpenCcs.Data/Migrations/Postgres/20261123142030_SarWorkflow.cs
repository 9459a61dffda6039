using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenCcs.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SarWorkflow : Migration
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

            migrationBuilder.AddColumn<int>(
                name: "Step",
                table: "sar_transitions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

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

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotent_requests", x => new { x.UserId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "mailing_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountyCode = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mailing_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sar_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SarId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sar_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sar_documents_sars_SarId",
                        column: x => x.SarId,
                        principalTable: "sars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChildId = table.Column<Guid>(type: "uuid", nullable: false),
                    SarId = table.Column<Guid>(type: "uuid", nullable: true),
                    CountyCode = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    ForFamily = table.Column<bool>(type: "boolean", nullable: false),
                    MailingBatchId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_notices_children_ChildId",
                        column: x => x.ChildId,
                        principalTable: "children",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_notices_mailing_batches_MailingBatchId",
                        column: x => x.MailingBatchId,
                        principalTable: "mailing_batches",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_notices_sars_SarId",
                        column: x => x.SarId,
                        principalTable: "sars",
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

            migrationBuilder.CreateIndex(
                name: "IX_notices_ChildId_CreatedAt",
                table: "notices",
                columns: new[] { "ChildId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_notices_CountyCode_MailingBatchId_ForFamily",
                table: "notices",
                columns: new[] { "CountyCode", "MailingBatchId", "ForFamily" });

            migrationBuilder.CreateIndex(
                name: "IX_notices_MailingBatchId",
                table: "notices",
                column: "MailingBatchId");

            migrationBuilder.CreateIndex(
                name: "IX_notices_SarId",
                table: "notices",
                column: "SarId");

            migrationBuilder.CreateIndex(
                name: "IX_sar_documents_SarId",
                table: "sar_documents",
                column: "SarId");

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

            migrationBuilder.DropTable(
                name: "idempotent_requests");

            migrationBuilder.DropTable(
                name: "notices");

            migrationBuilder.DropTable(
                name: "sar_documents");

            migrationBuilder.DropTable(
                name: "mailing_batches");

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
                name: "Step",
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
