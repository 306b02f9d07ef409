--
-- Name: v_orders; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.v_orders AS
 SELECT "Order Items".id,
    "Order Items"."from"
   FROM "Sales"."Order Items"
  WHERE ("Order Items".qty > 1);


ALTER TABLE public.v_orders OWNER TO postgres;

