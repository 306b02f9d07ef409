--
-- Name: st_order; Type: STATISTICS; Schema: public; Owner: postgres
--

CREATE STATISTICS public.st_order ON qty, plain_id FROM "Sales"."Order Items";


ALTER STATISTICS public.st_order OWNER TO postgres;

