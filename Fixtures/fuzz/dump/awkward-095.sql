--
-- Name: COLUMN "Order Items".qty; Type: ACL; Schema: Sales; Owner: postgres
--

GRANT UPDATE(qty) ON TABLE "Sales"."Order Items" TO reader;


